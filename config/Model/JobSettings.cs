namespace DataPipeline.Config.Model;

/// <summary>Resolved settings of one Glue job (environment defaults, then dataset, then table overrides).</summary>
public sealed record JobSettings
{
    public string GlueVersion { get; init; } = Defaults.GlueVersion;
    public string WorkerType { get; init; } = Defaults.WorkerType;
    public int Workers { get; init; } = Defaults.Workers;
    public bool AutoScaling { get; init; } = Defaults.AutoScaling;
    public int TimeoutMinutes { get; init; } = Defaults.TimeoutMinutes;
    public int MaxRetries { get; init; } = Defaults.MaxRetries;
    public int MaxConcurrentRuns { get; init; } = Defaults.MaxConcurrentRuns;
    public bool Flex { get; init; } = Defaults.Flex;
    public bool JobBookmarks { get; init; } = Defaults.JobBookmarks;
}
