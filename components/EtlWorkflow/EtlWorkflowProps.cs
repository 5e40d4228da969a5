using Amazon.CDK;
using Amazon.CDK.AWS.S3;

namespace DataPipeline.Components.EtlWorkflow;

/// <summary>Properties of <see cref="EtlWorkflow"/>.</summary>
public sealed record EtlWorkflowProps
{
    public required string WorkflowName { get; init; }
    /// <summary>Jobs of the cleaned tables; they start together.</summary>
    public required IReadOnlyList<string> TableJobs { get; init; }
    /// <summary>Jobs of the derived tables; they start when every table job succeeded. Empty: none.</summary>
    public IReadOnlyList<string> DerivedJobs { get; init; } = [];
    /// <summary>The crawler started when every job succeeded. Null: the workflow starts no crawler (it runs on its own schedule).</summary>
    public string? CrawlerName { get; init; }
    /// <summary>When the workflow starts: a cron expression in UTC. Null: on demand, by hand (or by events, with <see cref="StartOnStagingUploads"/>).</summary>
    public string? ScheduleCron { get; init; }
    /// <summary>Files landing under staging/ in this bucket start the workflow. Null: they do not.</summary>
    public IBucket? StartOnStagingUploads { get; init; }
    /// <summary>
    /// With <see cref="StartOnStagingUploads"/>: how long to gather landed files into one run, 1 to 900 seconds.
    /// Default: Config.Settings.EnvironmentFileSettings.BatchWindowMinutes.DefaultValue (15 minutes, Glue's maximum).
    /// </summary>
    public Duration? BatchWindow { get; init; }
}
