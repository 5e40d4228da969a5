using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>
/// One key of pipeline.yaml or pipeline.&lt;env&gt;.yaml, described once: its type, range, default and what it does.
/// The reader checks values against it, and the JSON schemas and the README's settings tables are produced from it.
/// </summary>
public abstract class Setting
{
    /// <summary>The key as written in YAML (snake_case).</summary>
    public required string Key { get; init; }

    /// <summary>What the setting does, in one sentence.</summary>
    public required string Doc { get; init; }

    /// <summary>A valid value as written in YAML, where the type alone does not give one (a pattern to match). Null: none needed.</summary>
    public string? Example { get; init; }

    /// <summary>The key must be written; there is no default.</summary>
    public bool Required { get; init; }

    /// <summary>The JSON schema of the value, with its description and default.</summary>
    public JsonObject Schema()
    {
        var schema = ValueSchema();
        schema["description"] = Doc;
        if (DefaultJson() is { } value)
        {
            schema["default"] = value;
        }
        return schema;
    }

    /// <summary>For the README: the value's type and range, e.g. "whole number, 2 to 299".</summary>
    public abstract string Shape { get; }

    /// <summary>For the README: the default as written in YAML, or "" when there is none.</summary>
    public virtual string DefaultText => DefaultJson() switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) && !double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) => text,
        var value => value.ToJsonString(),
    };

    /// <summary>True for a mapping or list of mappings whose keys are described by their own group.</summary>
    public virtual SettingGroup? Group => null;

    protected abstract JsonObject ValueSchema();

    protected virtual JsonNode? DefaultJson() => null;
}
