using System.Globalization;
using System.Numerics;
using DataPipeline.Config.Settings;
using YamlDotNet.RepresentationModel;

namespace DataPipeline.Config.Reading;

/// <summary>
/// Reads one YAML mapping, whose keys are described by a <see cref="SettingGroup"/>, into typed values, recording an
/// error (file, line, key, what to do) for every problem instead of stopping at the first. Values are checked against
/// their description (range, choices, length); keys the group does not describe are reported by <see cref="Done"/>.
/// </summary>
internal sealed class YamlSection
{
    private readonly Diagnostics _diagnostics;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlSection(string file, string path, SettingGroup group, YamlMappingNode node, Diagnostics diagnostics, int? line = null)
    {
        File = file;
        Path = path;
        Group = group;
        _diagnostics = diagnostics;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode scalar && scalar.Value is not null)
            {
                if (!_entries.TryAdd(scalar.Value, (scalar, value)))
                {
                    diagnostics.Add(new ConfigError(file, LineOf(scalar), path.Length == 0 ? scalar.Value : $"{path}.{scalar.Value}", "is written twice; keep one."));
                }
            }
        }
        Origin = new Origin(file, path, line ?? LineOf(node), _entries.ToDictionary(e => e.Key, e => LineOf(e.Value.Key)));
    }

    public string File { get; }

    public string Path { get; }

    public SettingGroup Group { get; }

    public Origin Origin { get; }

    public bool Has(Setting setting) => _entries.ContainsKey(Known(setting).Key);

    public void Error(string key, string message) => _diagnostics.Add(Origin.Error(key, message));

    public void Error(Setting setting, string message) => Error(setting.Key, message);

    public string? Read(TextSetting setting)
    {
        var value = Scalar(setting, "a text value");
        if (value is null)
        {
            return null;
        }
        if (setting is { MinLength: 1, MaxLength: 1 } && value.Length != 1)
        {
            Error(setting, $"must be a single character, not '{value}'.");
            return null;
        }
        if ((setting.MinLength is { } min && value.Length < min) || (setting.MaxLength is { } max && value.Length > max))
        {
            Error(setting, $"must have {setting.MinLength ?? 0} to {setting.MaxLength} characters, not {value.Length}.");
            return null;
        }
        return value;
    }

    public int? Read(IntSetting setting)
    {
        var text = Scalar(setting, "a whole number");
        if (text is null)
        {
            return null;
        }
        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(setting, $"must be a whole number, not '{text}'.");
            return null;
        }
        if (value < setting.Min || value > setting.Max)
        {
            Error(setting, $"must be between {setting.Min} and {setting.Max}{setting.Unit}, not {value}; pick a value in that range.");
            return null;
        }
        if (setting.Allowed.Count > 0 && !setting.Allowed.Contains((int)value))
        {
            Error(setting, $"is {value}{setting.Unit}, which is not offered; use one of {string.Join(", ", setting.Allowed)}.");
            return null;
        }
        return (int)value;
    }

    public decimal? Read(NumberSetting setting)
    {
        var text = Scalar(setting, "a number");
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Error(setting, $"must be a number between -{decimal.MaxValue:E0} and {decimal.MaxValue:E0}, not '{text}'.");
            return null;
        }
        if ((setting.Min is { } min && value < min) || (setting.Max is { } max && value > max))
        {
            Error(setting, $"must be {setting.Range}, not {value.ToString(CultureInfo.InvariantCulture)}; pick a value in that range.");
            return null;
        }
        return value;
    }

    public bool? Read(BoolSetting setting) => Scalar(setting, "true or false") switch
    {
        null => null,
        "true" or "True" or "yes" => true,
        "false" or "False" or "no" => false,
        var text => Invalid<bool?>(setting, $"must be true or false, not '{text}'."),
    };

    /// <summary>One of a fixed set of words, read ignoring case.</summary>
    public T? Read<T>(ChoiceSetting<T> setting)
        where T : struct
    {
        var text = Scalar(setting, setting.Shape);
        if (text is null)
        {
            return null;
        }
        if (setting.Choices.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }
        Error(setting, $"must be one of {string.Join(", ", setting.Choices.Keys)}, not '{text}'.");
        return null;
    }

    public YamlSection? Read(SectionSetting setting)
    {
        var node = Get(setting, "a mapping of keys to values");
        if (node is null)
        {
            return null;
        }
        if (node is YamlMappingNode map)
        {
            return new YamlSection(File, Origin.KeyPath(setting.Key), setting.Keys, map, _diagnostics);
        }
        Error(setting, "must be a mapping of keys to values (key: value), not a single value or a list.");
        return null;
    }

    /// <summary>Reads a list of mappings, naming each item by its 'name' key in error paths.</summary>
    public IReadOnlyList<YamlSection> Read(SectionListSetting setting)
    {
        var node = Get(setting, "a list");
        var sections = new List<YamlSection>();
        if (node is null)
        {
            return sections;
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(setting, "must be a list (one '- item' per line, or [a, b]).");
            return sections;
        }
        var index = 0;
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode map)
            {
                var name = map.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode s
                    ? s.Value
                    : index.ToString(CultureInfo.InvariantCulture);
                sections.Add(new YamlSection(File, $"{Origin.KeyPath(setting.Key)}[{name}]", setting.Item, map, _diagnostics));
            }
            else
            {
                _diagnostics.Add(new ConfigError(File, LineOf(item), $"{Origin.KeyPath(setting.Key)}[{index}]",
                    "must be a mapping (name: ..., ...), not a single value."));
            }
            index++;
        }
        return sections;
    }

    /// <summary>Reads a mapping whose keys are names chosen by the user (e.g. datasets: {spotify: {...}}).</summary>
    public IReadOnlyList<(string Name, YamlSection Section)> Read(NamedSectionsSetting setting)
    {
        var node = Get(setting, "a mapping of names to settings");
        if (node is null)
        {
            return [];
        }
        if (node is not YamlMappingNode map)
        {
            Error(setting, "must be a mapping of names to settings (name: {}), not a single value or a list.");
            return [];
        }
        var path = Origin.KeyPath(setting.Key);
        var result = new List<(string, YamlSection)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !seen.Add(name))
            {
                continue; // a repeated name is reported below
            }
            switch (value)
            {
                case YamlMappingNode child:
                    result.Add((name, new YamlSection(File, $"{path}.{name}", setting.Item, child, _diagnostics)));
                    break;
                case YamlScalarNode { Value: null or "" or "~" }:
                    result.Add((name, new YamlSection(File, $"{path}.{name}", setting.Item, new YamlMappingNode(), _diagnostics, LineOf(key))));
                    break;
                default:
                    _diagnostics.Add(new ConfigError(File, LineOf(key), $"{path}.{name}", "must be a mapping of settings; write {} to use the defaults."));
                    break;
            }
        }
        foreach (var (key, _) in map.Children.GroupBy(c => (c.Key as YamlScalarNode)?.Value).Where(g => g.Key is not null && g.Count() > 1).SelectMany(g => g.Skip(1)))
        {
            _diagnostics.Add(new ConfigError(File, LineOf(key), $"{path}.{((YamlScalarNode)key).Value}", "is written twice; keep one."));
        }
        return result;
    }

    public IReadOnlyList<string>? Read(TextListSetting setting)
    {
        var node = Get(setting, "a list");
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: not null } scalar)
                    {
                        items.Add(scalar.Value);
                    }
                    else
                    {
                        Error(setting, "must be a list of plain values, like [a, b].");
                        return null;
                    }
                }
                return items;
            default:
                Error(setting, "must be a list, like [a, b].");
                return null;
        }
    }

    public IReadOnlyDictionary<string, string> Read(TextMapSetting setting)
    {
        var node = Get(setting, "a mapping of names to values");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case null:
                return map;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
                    {
                        map[name] = text;
                    }
                    else
                    {
                        Error(setting, "must map names to plain values (name: value).");
                    }
                }
                return map;
            default:
                Error(setting, "must be a mapping of names to values (name: value).");
                return map;
        }
    }

    /// <summary>
    /// Reports every key the group does not describe (a typo or a setting that does not exist) and refuses a reader that
    /// forgot a key the group describes, so the descriptions, the schema and the reader cannot drift apart.
    /// </summary>
    public void Done()
    {
        foreach (var (key, entry) in _entries)
        {
            if (Group.Contains(key))
            {
                continue;
            }
            var hint = Suggestions.Closest(key, Group.Keys);
            var message = Group.Removed.TryGetValue(key, out var instead)
                ? instead
                : hint is null
                ? $"is not a known setting here; remove it. Known settings: {string.Join(", ", Group.Keys.Order(StringComparer.Ordinal))}."
                : $"is not a known setting here; did you mean '{hint}'?";
            _diagnostics.Add(new ConfigError(File, LineOf(entry.Key), Origin.KeyPath(key), message));
        }
        var unread = Group.Keys.Where(k => !_asked.Contains(k)).ToList();
        if (unread.Count > 0)
        {
            throw new InvalidOperationException($"The reader of '{Group.Title}' never reads {string.Join(", ", unread)}; read every described key.");
        }
    }

    private string? Scalar(Setting setting, string what)
    {
        var node = Get(setting, what);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when scalar.Value is null || (scalar.Value.Length == 0 && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain):
                if (setting.Required)
                {
                    Error(setting, $"is empty; it needs {what}.");
                }
                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                Error(setting, $"must be {what}, not a mapping or a list.");
                return null;
        }
    }

    private YamlNode? Get(Setting setting, string what)
    {
        var key = Known(setting).Key;
        _asked.Add(key);
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }
        if (setting.Required)
        {
            _diagnostics.Add(Origin.Error(key, $"is missing; add it ({what})."));
        }
        return null;
    }

    private Setting Known(Setting setting) => Group.Contains(setting)
        ? setting
        : throw new InvalidOperationException($"'{setting.Key}' is not a setting of '{Group.Title}'.");

    private T? Invalid<T>(Setting setting, string message)
    {
        Error(setting, message);
        return default;
    }

    private static int LineOf(YamlNode node) => (int)node.Start.Line;
}
