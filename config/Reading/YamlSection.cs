using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DataPipeline.Config.Reading;

/// <summary>
/// Reads one YAML mapping into typed values, recording an error (file, line, key, what to do) for every
/// problem instead of stopping at the first. Keys that were never asked for are reported by <see cref="Done"/>.
/// </summary>
internal sealed class YamlSection
{
    private readonly YamlMappingNode _node;
    private readonly Diagnostics _diagnostics;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlSection(string file, string path, YamlMappingNode node, Diagnostics diagnostics, int? line = null)
    {
        File = file;
        Path = path;
        _node = node;
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

    public Origin Origin { get; }

    public bool Has(string key) => _entries.ContainsKey(key);

    public IEnumerable<string> Keys => _entries.Keys;

    public void Error(string key, string message) => _diagnostics.Add(Origin.Error(key, message));

    public string? String(string key, bool required = false)
    {
        var value = Scalar(key, required, "a text value");
        return value;
    }

    public string RequiredString(string key) => String(key, required: true) ?? "";

    public int? Int(string key, int min, int max, string unit = "")
    {
        var text = Scalar(key, false, "a whole number");
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Error(key, $"must be a whole number, not '{text}'.");
            return null;
        }
        if (value < min || value > max)
        {
            Error(key, $"must be between {min} and {max}{unit}, not {value}; pick a value in that range.");
            return null;
        }
        return value;
    }

    public decimal? Decimal(string key)
    {
        var text = Scalar(key, false, "a number");
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Error(key, $"must be a number, not '{text}'.");
            return null;
        }
        return value;
    }

    public bool? Bool(string key)
    {
        var text = Scalar(key, false, "true or false");
        return text switch
        {
            null => null,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => Invalid<bool?>(key, $"must be true or false, not '{text}'."),
        };
    }

    /// <summary>Reads a value that must be one of a fixed set of words, case-insensitively.</summary>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct
    {
        var text = Scalar(key, required, "one of " + string.Join(", ", choices.Keys));
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text.ToLowerInvariant(), out var value))
        {
            return value;
        }
        Error(key, $"must be one of {string.Join(", ", choices.Keys)}, not '{text}'.");
        return null;
    }

    public YamlSection? Section(string key, bool required = false)
    {
        var node = Get(key, required, "a mapping of keys to values");
        if (node is null)
        {
            return null;
        }
        if (node is YamlMappingNode map)
        {
            return new YamlSection(File, Origin.KeyPath(key), map, _diagnostics);
        }
        Error(key, "must be a mapping of keys to values (key: value), not a single value or a list.");
        return null;
    }

    /// <summary>Reads a list of mappings, naming each item by its 'name' key in error paths.</summary>
    public IReadOnlyList<YamlSection> SectionList(string key, bool required = false)
    {
        var sequence = Sequence(key, required);
        var sections = new List<YamlSection>();
        if (sequence is null)
        {
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
                sections.Add(new YamlSection(File, $"{Origin.KeyPath(key)}[{name}]", map, _diagnostics));
            }
            else
            {
                _diagnostics.Add(new ConfigError(File, LineOf(item), $"{Origin.KeyPath(key)}[{index}]",
                    "must be a mapping (name: ..., ...), not a single value."));
            }
            index++;
        }
        return sections;
    }

    /// <summary>Reads a mapping whose keys are names chosen by the user (e.g. datasets: {spotify: {...}}).</summary>
    public IReadOnlyList<(string Name, YamlSection Section)> NamedSections(string key)
    {
        var section = Section(key);
        if (section is null)
        {
            return [];
        }
        var result = new List<(string, YamlSection)>();
        foreach (var name in section.Keys.ToList())
        {
            var node = section.Get(name, false, "");
            switch (node)
            {
                case YamlMappingNode map:
                    result.Add((name, new YamlSection(File, section.Origin.KeyPath(name), map, _diagnostics)));
                    break;
                case YamlScalarNode { Value: null or "" or "~" }:
                    var empty = new YamlSection(File, section.Origin.KeyPath(name), new YamlMappingNode(), _diagnostics, LineOf(node));
                    result.Add((name, empty));
                    break;
                default:
                    section.Error(name, "must be a mapping of settings; write {} to use the defaults.");
                    break;
            }
        }
        return result;
    }

    public IReadOnlyList<string>? StringList(string key, bool required = false)
    {
        var node = Get(key, required, "a list");
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
                        Error(key, "must be a list of plain values, like [a, b].");
                        return null;
                    }
                }
                return items;
            default:
                Error(key, "must be a list, like [a, b].");
                return null;
        }
    }

    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var section = Section(key);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (section is null)
        {
            return map;
        }
        foreach (var name in section.Keys.ToList())
        {
            var value = section.String(name);
            if (value is not null)
            {
                map[name] = value;
            }
        }
        return map;
    }

    /// <summary>Reports every key that no reader asked for: a typo or a setting that does not exist.</summary>
    public void Done()
    {
        foreach (var (key, entry) in _entries)
        {
            if (_asked.Contains(key))
            {
                continue;
            }
            var hint = Suggestions.Closest(key, _asked);
            var message = hint is null
                ? $"is not a known setting here; remove it. Known settings: {string.Join(", ", _asked.Order(StringComparer.Ordinal))}."
                : $"is not a known setting here; did you mean '{hint}'?";
            _diagnostics.Add(new ConfigError(File, LineOf(entry.Key), Origin.KeyPath(key), message));
        }
    }

    private YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = Get(key, required, "a list");
        if (node is null or YamlSequenceNode)
        {
            return node as YamlSequenceNode;
        }
        Error(key, "must be a list (one '- item' per line, or [a, b]).");
        return null;
    }

    private string? Scalar(string key, bool required, string what)
    {
        var node = Get(key, required, what);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when scalar.Value is null || (scalar.Value.Length == 0 && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain):
                if (required)
                {
                    Error(key, $"is empty; it needs {what}.");
                }
                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                Error(key, $"must be {what}, not a mapping or a list.");
                return null;
        }
    }

    private YamlNode? Get(string key, bool required, string what)
    {
        _asked.Add(key);
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }
        if (required)
        {
            _diagnostics.Add(Origin.Error(key, $"is missing; add it ({what})."));
        }
        return null;
    }

    private T? Invalid<T>(string key, string message)
    {
        Error(key, message);
        return default;
    }

    private static int LineOf(YamlNode node) => (int)node.Start.Line;
}
