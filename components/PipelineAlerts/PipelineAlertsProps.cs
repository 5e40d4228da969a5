using Amazon.CDK;
using Amazon.CDK.AWS.KMS;

namespace DataPipeline.Components.PipelineAlerts;

/// <summary>Properties of <see cref="PipelineAlerts"/>.</summary>
public sealed record PipelineAlertsProps
{
    public required string TopicName { get; init; }
    /// <summary>
    /// Encrypts the topic; EventBridge and CloudWatch are allowed to use it for publishing. Null: a key of the topic's
    /// own, with rotation, aliased <see cref="KeyAlias"/> and removed by <see cref="KeyRemovalPolicy"/>.
    /// </summary>
    public IKey? EncryptionKey { get; init; }
    /// <summary>Alias of the key created when <see cref="EncryptionKey"/> is null. Null: no alias.</summary>
    public string? KeyAlias { get; init; }
    /// <summary>What happens to the key created when <see cref="EncryptionKey"/> is null. Default RETAIN.</summary>
    public RemovalPolicy KeyRemovalPolicy { get; init; } = RemovalPolicy.RETAIN;
    /// <summary>Jobs whose name starts with this are reported when a run fails, times out, stops or errors.</summary>
    public required string JobNamePrefix { get; init; }
    /// <summary>Crawlers whose failed runs are reported.</summary>
    public required IReadOnlyList<string> Crawlers { get; init; }
    /// <summary>Jobs whose success means a run of the dataset succeeded (the last stage of the workflow).</summary>
    public required IReadOnlyList<string> FinalJobs { get; init; }
    /// <summary>The freshness alarm fires when none of <see cref="FinalJobs"/> succeeded for this many hours (1 to 168).</summary>
    public required int FreshnessHours { get; init; }
    /// <summary>Addresses subscribed to the topic. Empty: no subscriptions.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];
}
