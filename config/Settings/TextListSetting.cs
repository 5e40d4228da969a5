using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A list of plain values, like [a, b].</summary>
public sealed class TextListSetting : Setting
{
    /// <summary>YAML reads unquoted 1 and true as numbers and booleans; allow them where the list holds values to compare as text.</summary>
    public bool AnyScalar { get; init; }
    /// <summary>A regular expression each item matches (for editors).</summary>
    public string? ItemPattern { get; init; }

    public override string Shape => "list";

    protected override JsonObject ValueSchema()
    {
        JsonObject items = AnyScalar
            ? new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") }
            : new JsonObject { ["type"] = "string" };
        if (ItemPattern is not null)
        {
            items["pattern"] = ItemPattern;
        }
        return new JsonObject { ["type"] = "array", ["items"] = items };
    }
}
