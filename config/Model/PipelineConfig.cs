namespace DataPipeline.Config.Model;

/// <summary>What the pipeline is: read from pipeline.yaml.</summary>
public sealed record PipelineConfig
{
    public required string Project { get; init; }
    public required string RootDirectory { get; init; }
    public required IReadOnlyList<EnvironmentDeclaration> Environments { get; init; }
    public required IReadOnlyList<DatasetDefinition> Datasets { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;

    public DatasetDefinition Dataset(string name) =>
        Datasets.FirstOrDefault(d => d.Name == name)
        ?? throw new ArgumentException($"Dataset '{name}' is not defined in pipeline.yaml.", nameof(name));
}
