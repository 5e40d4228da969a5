namespace DataPipeline.Local.Sample;

/// <summary>What a generated sample contains and what cleaning it with pipeline.yaml must produce.</summary>
public sealed record SampleManifest
{
    public required int Rows { get; init; }
    public required int Seed { get; init; }
    public required double DefectRate { get; init; }
    public required double DuplicateRate { get; init; }
    public required IReadOnlyList<SampleTableManifest> Tables { get; init; }

    public SampleTableManifest Table(string name) =>
        Tables.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"The sample has no table '{name}'; use one of {string.Join(", ", Tables.Select(t => t.Name))}.", nameof(name));
}
