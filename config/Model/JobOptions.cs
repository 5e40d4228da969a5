namespace DataPipeline.Config.Model;

/// <summary>Job settings as written in one place of an environment file; null means "not set here".</summary>
public sealed record JobOptions
{
    public string? GlueVersion { get; init; }
    public string? WorkerType { get; init; }
    public int? Workers { get; init; }
    public bool? AutoScaling { get; init; }
    public int? TimeoutMinutes { get; init; }
    public int? MaxRetries { get; init; }
    public int? MaxConcurrentRuns { get; init; }
    public bool? Flex { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;

    /// <summary>Applies these options on top of already resolved settings.</summary>
    public JobSettings ApplyTo(JobSettings settings) => settings with
    {
        GlueVersion = GlueVersion ?? settings.GlueVersion,
        WorkerType = WorkerType ?? settings.WorkerType,
        Workers = Workers ?? settings.Workers,
        AutoScaling = AutoScaling ?? settings.AutoScaling,
        TimeoutMinutes = TimeoutMinutes ?? settings.TimeoutMinutes,
        MaxRetries = MaxRetries ?? settings.MaxRetries,
        MaxConcurrentRuns = MaxConcurrentRuns ?? settings.MaxConcurrentRuns,
        Flex = Flex ?? settings.Flex,
    };
}
