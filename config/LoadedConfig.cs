using DataPipeline.Config.Model;

namespace DataPipeline.Config;

/// <summary>The validated configuration: pipeline.yaml and every environment file.</summary>
public sealed record LoadedConfig(PipelineConfig Pipeline, IReadOnlyList<EnvironmentConfig> Environments)
{
    /// <summary>The described columns of each dataset's tables and queries, by dataset name.</summary>
    public IReadOnlyDictionary<string, Checks.DatasetSchema> Schemas { get; init; } = new Dictionary<string, Checks.DatasetSchema>();

    public EnvironmentConfig Environment(string name) =>
        Environments.FirstOrDefault(e => e.Name == name)
        ?? throw new ConfigException([Pipeline.Origin.Error("environments",
            $"has no environment '{name}'; use one of {string.Join(", ", Environments.Select(e => e.Name))}, or declare it here and create pipeline.{name}.yaml.")]);

    public IReadOnlyList<DatasetPlan> Plan(string environment) =>
        PipelinePlanner.Plan(Pipeline, Environment(environment))
            .Select(p => p with { Schema = Schemas.GetValueOrDefault(p.Dataset.Name) ?? Checks.DatasetSchema.Empty })
            .ToList();
}
