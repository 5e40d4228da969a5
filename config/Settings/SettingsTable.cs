using System.Text;

namespace DataPipeline.Config.Settings;

/// <summary>The README's table of a file's settings: every key with its type, default and what it does.</summary>
public static class SettingsTable
{
    public static string PipelineFile => Markdown(PipelineFileSettings.File);

    public static string EnvironmentFile => Markdown(EnvironmentFileSettings.File);

    public static string Markdown(SettingGroup file)
    {
        var text = new StringBuilder("| key | value | default | what it does |\n|---|---|---|---|\n");
        var expanded = new HashSet<SettingGroup>();
        Rows(text, file, "", expanded);
        return text.ToString();
    }

    private static void Rows(StringBuilder text, SettingGroup group, string prefix, HashSet<SettingGroup> expanded)
    {
        foreach (var member in group.Members)
        {
            var path = prefix + member.Key;
            var child = member.Group;
            if (child is null || !expanded.Add(child))
            {
                var shape = child is null ? member.Shape : $"{member.Shape}, as above";
                text.Append($"| `{path}` | {Cell(shape)} | {(member.DefaultText.Length == 0 ? "" : $"`{Cell(member.DefaultText)}`")} | {Cell(member.Doc)}{(member.Required ? " Required." : "")} |\n");
                continue;
            }
            text.Append($"| `{path}` | {Cell(member.Shape)} | | {Cell(member.Doc)}{(member.Required ? " Required." : "")} |\n");
            var childPrefix = member switch
            {
                SectionListSetting => path + "[].",
                NamedSectionsSetting => path + ".<name>.",
                _ => path + ".",
            };
            Rows(text, child, childPrefix, expanded);
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
