using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A number (decimals allowed), optionally within a range.</summary>
public sealed class NumberSetting : Setting
{
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public decimal? Default { get; init; }

    public override string Shape => Min is null && Max is null ? "number" : "number, " + Range;

    /// <summary>The range in words: "between 0 and 1", "at least 0", "at most 1" or "any number".</summary>
    public string Range => (Min, Max) switch
    {
        ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}"),
        ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $"at least {min}"),
        (null, { } max) => string.Create(CultureInfo.InvariantCulture, $"at most {max}"),
        _ => "any number",
    };

    protected override JsonObject ValueSchema()
    {
        var schema = new JsonObject { ["type"] = "number" };
        if (Min is { } min)
        {
            schema["minimum"] = min;
        }
        if (Max is { } max)
        {
            schema["maximum"] = max;
        }
        return schema;
    }

    protected override JsonNode? DefaultJson() => Default is { } value ? JsonValue.Create(value) : null;
}
