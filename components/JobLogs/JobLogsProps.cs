using Amazon.CDK.AWS.KMS;

namespace DataPipeline.Components.JobLogs;

/// <summary>Properties of <see cref="JobLogs"/>.</summary>
public sealed record JobLogsProps
{
    /// <summary>The log group name the jobs are given (--continuous-log-logGroup on Glue 4.0, --custom-logGroup-prefix on 5.0).</summary>
    public required string LogGroupName { get; init; }
    /// <summary>The security configuration of the jobs; on Glue 4.0 it encrypts their logs and names the group Glue writes.</summary>
    public required string SecurityConfigurationName { get; init; }
    /// <summary>The Glue versions of the jobs that log here ("4.0", "5.0"); each gets the groups it writes.</summary>
    public required IReadOnlyCollection<string> GlueVersions { get; init; }
    /// <summary>Days the groups keep logs; one of the values CloudWatch Logs offers.</summary>
    public required int RetentionDays { get; init; }
    public required IKey EncryptionKey { get; init; }
}
