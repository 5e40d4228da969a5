using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Resolved settings of one Glue job (environment defaults, then dataset, then table overrides).</summary>
public sealed record JobSettings
{
    public string GlueVersion { get; init; } = EnvironmentFileSettings.GlueVersion.DefaultValue;
    public string WorkerType { get; init; } = EnvironmentFileSettings.WorkerType.DefaultValue;
    public int Workers { get; init; } = EnvironmentFileSettings.Workers.DefaultValue;
    public bool AutoScaling { get; init; } = EnvironmentFileSettings.AutoScaling.DefaultValue;
    public int TimeoutMinutes { get; init; } = EnvironmentFileSettings.TimeoutMinutes.DefaultValue;
    public int MaxRetries { get; init; } = EnvironmentFileSettings.MaxRetries.DefaultValue;
    public int MaxConcurrentRuns { get; init; } = EnvironmentFileSettings.MaxConcurrentRuns.DefaultValue;
    public bool Flex { get; init; } = EnvironmentFileSettings.Flex.DefaultValue;
}
