using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A list of mappings, each with the settings of <see cref="Item"/> and named by its 'name' key.</summary>
public sealed class SectionListSetting : Setting
{
    public required SettingGroup Item { get; init; }

    public override SettingGroup Group => Item;

    public override string Shape => "list of mappings";

    protected override JsonObject ValueSchema() => new() { ["type"] = "array", ["items"] = Item.SchemaReference() };
}
