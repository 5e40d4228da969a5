using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A mapping of names chosen by the user (a dataset, a table) to mappings with the settings of <see cref="Item"/>; {} or nothing takes the defaults.</summary>
public sealed class NamedSectionsSetting : Setting
{
    public required SettingGroup Item { get; init; }

    public override SettingGroup Group => Item;

    public override string Shape => "mapping of names to mappings";

    protected override JsonObject ValueSchema() => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = new JsonObject { ["anyOf"] = new JsonArray(Item.SchemaReference(), new JsonObject { ["type"] = "null" }) },
    };
}
