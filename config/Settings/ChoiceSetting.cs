using System.Text.Json.Nodes;

namespace DataPipeline.Config.Settings;

/// <summary>One of a fixed set of words (read ignoring case), each standing for a value of <typeparamref name="T"/>.</summary>
public sealed class ChoiceSetting<T> : Setting
    where T : struct
{
    /// <summary>The words in the order they are documented, lowercase.</summary>
    public required IReadOnlyDictionary<string, T> Choices { get; init; }
    public T? Default { get; init; }

    public T DefaultValue => Default ?? throw new InvalidOperationException($"Setting '{Key}' has no default.");

    public override string Shape => "one of " + string.Join(", ", Choices.Keys);

    protected override JsonObject ValueSchema() =>
        new() { ["enum"] = new JsonArray(Choices.Keys.Select(c => (JsonNode)c).ToArray()) };

    protected override JsonNode? DefaultJson() =>
        Default is { } value ? JsonValue.Create(Choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Key) : null;
}
