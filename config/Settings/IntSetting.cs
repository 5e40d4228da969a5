using System.Globalization;
using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>A whole number within a range.</summary>
public sealed class IntSetting : Setting
{
    public required int Min { get; init; }
    public required int Max { get; init; }
    public int? Default { get; init; }
    /// <summary>Written after the range in messages, e.g. " days" or " MB (Athena's smallest cutoff is 10 MB)".</summary>
    public string Unit { get; init; } = "";
    /// <summary>The only values allowed within the range, when the service offers only some. Empty: any.</summary>
    public IReadOnlyList<int> Allowed { get; init; } = [];

    public int DefaultValue => Default ?? throw new InvalidOperationException($"Setting '{Key}' has no default.");

    public override string Shape => Allowed.Count > 0
        ? $"one of {string.Join(", ", Allowed)}{Unit}"
        : string.Create(CultureInfo.InvariantCulture, $"whole number, {Min} to {Max}{Unit}");

    protected override JsonObject ValueSchema() => Allowed.Count > 0
        ? new JsonObject { ["enum"] = new JsonArray(Allowed.Select(v => (JsonNode)v).ToArray()) }
        : new JsonObject { ["type"] = "integer", ["minimum"] = Min, ["maximum"] = Max };

    protected override JsonNode? DefaultJson() => Default is { } value ? JsonValue.Create(value) : null;
}
