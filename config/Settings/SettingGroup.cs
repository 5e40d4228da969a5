using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>The keys one YAML mapping may hold, in the order they are documented.</summary>
public sealed class SettingGroup
{
    private readonly Dictionary<string, Setting> _byKey;

    public SettingGroup(string title, IReadOnlyList<Setting> members, string? definition = null, IReadOnlyDictionary<string, string>? removed = null)
    {
        Title = title;
        Members = members;
        Definition = definition;
        Removed = removed ?? new Dictionary<string, string>();
        _byKey = members.ToDictionary(m => m.Key, StringComparer.Ordinal);
    }

    /// <summary>What the mapping is, for the schema and the README.</summary>
    public string Title { get; }

    public IReadOnlyList<Setting> Members { get; }

    /// <summary>Name under the schema's $defs when the group is used in several places. Null: written inline.</summary>
    public string? Definition { get; }

    /// <summary>Keys that existed once, each with what a file that still sets it should do instead.</summary>
    public IReadOnlyDictionary<string, string> Removed { get; }

    public IEnumerable<string> Keys => Members.Select(m => m.Key);

    public bool Contains(Setting setting) => _byKey.TryGetValue(setting.Key, out var member) && ReferenceEquals(member, setting);

    public bool Contains(string key) => _byKey.ContainsKey(key);

    /// <summary>The group's object schema: every member's schema, no other keys.</summary>
    public JsonObject ObjectSchema()
    {
        var properties = new JsonObject();
        foreach (var member in Members)
        {
            properties[member.Key] = member.Schema();
        }
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = Title,
            ["additionalProperties"] = false,
        };
        var required = Members.Where(m => m.Required).Select(m => (JsonNode)m.Key).ToArray();
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray(required);
        }
        schema["properties"] = properties;
        return schema;
    }

    /// <summary>A $ref to the group's definition, or the object schema itself.</summary>
    public JsonObject SchemaReference() =>
        Definition is null ? ObjectSchema() : new JsonObject { ["$ref"] = "#/$defs/" + Definition };
}
