using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>true or false.</summary>
public sealed class BoolSetting : Setting
{
    public bool? Default { get; init; }

    public bool DefaultValue => Default ?? throw new InvalidOperationException($"Setting '{Key}' has no default.");

    public override string Shape => "true or false";

    protected override JsonObject ValueSchema() => new() { ["type"] = "boolean" };

    protected override JsonNode? DefaultJson() => Default is { } value ? JsonValue.Create(value) : null;
}
