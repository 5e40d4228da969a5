using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A mapping whose keys are the settings of <see cref="Keys"/>.</summary>
public sealed class SectionSetting : Setting
{
    public required SettingGroup Keys { get; init; }

    public override SettingGroup Group => Keys;

    public override string Shape => "mapping";

    protected override JsonObject ValueSchema() => Keys.SchemaReference();
}
