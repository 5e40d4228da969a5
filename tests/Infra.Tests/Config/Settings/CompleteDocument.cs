using System.Globalization;
using System.Text;
using DataPipeline.Config.Settings;

namespace DataPipeline.Tests.Config.Settings;

/// <summary>A YAML document that writes every key a group describes, each with a value the description allows.</summary>
internal static class CompleteDocument
{
    public static string Of(SettingGroup group)
    {
        var text = new StringBuilder();
        Write(text, group, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, SettingGroup group, int depth)
    {
        var indent = new string(' ', depth * 2);
        foreach (var member in group.Members)
        {
            switch (member)
            {
                case SectionSetting section:
                    text.Append($"{indent}{member.Key}:\n");
                    Write(text, section.Keys, depth + 1);
                    break;
                case SectionListSetting list:
                    text.Append($"{indent}{member.Key}:\n{indent}  - name_placeholder: 0\n");
                    var item = new StringBuilder();
                    Write(item, list.Item, depth + 2);
                    text.Length -= $"{indent}  - name_placeholder: 0\n".Length;
                    var lines = item.ToString();
                    text.Append($"{indent}  -{lines[(indent.Length + 3)..]}");
                    break;
                case NamedSectionsSetting named:
                    text.Append($"{indent}{member.Key}:\n{indent}  item_name:\n");
                    Write(text, named.Item, depth + 2);
                    break;
                default:
                    text.Append($"{indent}{member.Key}: {Value(member)}\n");
                    break;
            }
        }
    }

    private static string Value(Setting setting) => setting.Example ?? setting switch
    {
        IntSetting s => (s.Default ?? s.Min).ToString(CultureInfo.InvariantCulture),
        NumberSetting s => (s.Default ?? s.Min ?? 1m).ToString(CultureInfo.InvariantCulture),
        BoolSetting => "true",
        TextSetting { Choices.Count: > 0 } s => $"\"{s.Choices[0]}\"",
        TextSetting s => $"'{(s.Default ?? "x").Replace("'", "''", StringComparison.Ordinal)}'",
        TextListSetting => "[x]",
        TextMapSetting => "{ x: y }",
        _ => setting.GetType().GetProperty("Choices")?.GetValue(setting) is System.Collections.IEnumerable choices
            ? choices.Cast<object>().Select(c => c.GetType().GetProperty("Key")!.GetValue(c)!.ToString()!).First()
            : throw new ArgumentException($"No example value for {setting.GetType().Name} '{setting.Key}'.", nameof(setting)),
    };
}
