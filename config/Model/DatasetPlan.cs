namespace DataPipeline.Config.Model;

/// <summary>
/// Everything needed to deploy (or run locally) one dataset in one environment: its definition, names and
/// settings with environment defaults and dataset overrides resolved. Built by <see cref="PipelinePlanner"/>.
/// </summary>
public sealed record DatasetPlan
{
    public required PipelineConfig Pipeline { get; init; }
    public required EnvironmentConfig Environment { get; init; }
    public required DatasetDefinition Dataset { get; init; }
    public required ResourceNames Names { get; init; }
    public required AthenaSettings Athena { get; init; }
    public required CrawlerSettings Crawler { get; init; }
    public required EtlSettings Etl { get; init; }
    /// <summary>The columns of its tables and queries, learnt when the configuration was loaded. Default: nothing described.</summary>
    public Checks.DatasetSchema Schema { get; init; } = Checks.DatasetSchema.Empty;

    public bool DestroyOnRemoval => Environment.RemovalPolicy == RemovalChoice.Destroy && !Environment.Production;
}
