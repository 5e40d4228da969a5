using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A mapping of names chosen by the user to text values (tags).</summary>
public sealed class TextMapSetting : Setting
{
    public override string Shape => "mapping of text to text";

    protected override JsonObject ValueSchema() =>
        new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") } };
}
