using Amazon.CDK.AWS.KMS;
using DataPipeline.Config.Model;

namespace DataPipeline.Components.DataLake;

/// <summary>Properties of <see cref="DataLake"/>. Days come from <see cref="RetentionSettings"/>, whose defaults live in Config.Settings.EnvironmentFileSettings.</summary>
public sealed record DataLakeProps
{
    public required string StagingBucketName { get; init; }
    public required string WarehouseBucketName { get; init; }
    public required string ResultsBucketName { get; init; }
    public required string AccessLogsBucketName { get; init; }
    public required RetentionSettings Retention { get; init; }
    /// <summary>Key that encrypts the data buckets. Null: a new key with rotation, named by <see cref="KeyAlias"/>.</summary>
    public IKey? EncryptionKey { get; init; }
    /// <summary>Alias of the key created when <see cref="EncryptionKey"/> is null. Null: no alias.</summary>
    public string? KeyAlias { get; init; }
    /// <summary>Send the staging bucket's object events to EventBridge, so uploads can start the ETL. Default false.</summary>
    public bool StagingEventsToEventBridge { get; init; }
    /// <summary>Empty and delete the buckets and key with the stack. Default false: they are retained.</summary>
    public bool DestroyOnRemoval { get; init; }
}
