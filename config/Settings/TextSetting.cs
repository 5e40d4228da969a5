using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>
/// A text value. <see cref="Pattern"/>, <see cref="MaxLength"/> and <see cref="Choices"/> go into the schema for
/// editors; the reader and validator check the same rules with messages that say what to do.
/// </summary>
public sealed class TextSetting : Setting
{
    public string? Default { get; init; }
    /// <summary>A regular expression the whole value matches (for editors).</summary>
    public string? Pattern { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    /// <summary>The only values allowed, for editors and the README; the validator checks them with its own messages.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];
    /// <summary>For the README when the shape needs words, e.g. "cron(...) or on_demand".</summary>
    public string? Describe { get; init; }

    public string DefaultValue => Default ?? throw new InvalidOperationException($"Setting '{Key}' has no default.");

    public override string Shape => Describe ?? (Choices.Count > 0 ? "one of " + string.Join(", ", Choices) : "text");

    protected override JsonObject ValueSchema()
    {
        if (Choices.Count > 0)
        {
            return new JsonObject { ["enum"] = new JsonArray(Choices.Select(c => (JsonNode)c).ToArray()) };
        }
        var schema = new JsonObject { ["type"] = "string" };
        if (Pattern is not null)
        {
            schema["pattern"] = Pattern;
        }
        if (MinLength is { } min)
        {
            schema["minLength"] = min;
        }
        if (MaxLength is { } max)
        {
            schema["maxLength"] = max;
        }
        return schema;
    }

    protected override JsonNode? DefaultJson() => Default is null ? null : JsonValue.Create(Default);
}
