using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace DataPipeline.Components.DataLake;

/// <summary>
/// The storage of one dataset: a staging bucket for raw files, a warehouse bucket for clean Parquet and quarantined
/// rows, a results bucket for Athena, and a bucket for their access logs, all behind one KMS key.
/// Follows https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
/// </summary>
public sealed class DataLake : Construct
{
    public const string StagingPrefix = "staging/";
    public const string WarehousePrefix = "data-warehouse/";
    public const string QuarantinePrefix = "quarantine/";
    public const string MetricsPrefix = "_metrics/";
    /// <summary>What runs remember: each table's ledger of processed staging files and runs being committed. Never expires.</summary>
    public const string StatePrefix = "_state/";
    public const string ResultsPrefix = "athena-results/";
    /// <summary>Every bucket aborts incomplete multipart uploads after this many days.</summary>
    public const int AbortIncompleteUploadDays = 1;

    public DataLake(Construct scope, string id, DataLakeProps props)
        : base(scope, id)
    {
        var removal = props.DestroyOnRemoval ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        Key = props.EncryptionKey ?? new Key(this, "Key", new KeyProps
        {
            EnableKeyRotation = true,
            Alias = props.KeyAlias,
            Description = "Encrypts the staging, warehouse and results buckets, Glue logs and bookmarks, and alerts of one dataset.",
            RemovalPolicy = removal,
            PendingWindow = Duration.Days(props.DestroyOnRemoval ? 7 : 30),
        });

        // S3 server access logging delivers only to buckets encrypted with SSE-S3, never SSE-KMS:
        // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
        AccessLogsBucket = new Bucket(this, "AccessLogsBucket", new BucketProps
        {
            BucketName = props.AccessLogsBucketName,
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            LifecycleRules = [ExpireAfter(props.Retention.AccessLogsDays)],
            RemovalPolicy = removal,
            AutoDeleteObjects = props.DestroyOnRemoval,
        });

        var retention = props.Retention;
        StagingBucket = DataBucket("StagingBucket", props.StagingBucketName, "staging/", props, versioned: true,
        [
            new LifecycleRule
            {
                Id = "TierAndExpireRawFiles",
                AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays),
                Transitions =
                [
                    new Transition { StorageClass = StorageClass.INFREQUENT_ACCESS, TransitionAfter = Duration.Days(retention.StagingInfrequentAccessDays) },
                    new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(retention.StagingGlacierDays) },
                ],
                Expiration = Duration.Days(retention.StagingExpirationDays),
                NoncurrentVersionExpiration = Duration.Days(retention.NoncurrentVersionExpirationDays),
            },
        ]);
        if (props.StagingEventsToEventBridge)
        {
            // Set on the bucket itself: CDK's EventBridgeEnabled adds a custom-resource Lambda with a managed policy.
            ((CfnBucket)StagingBucket.Node.DefaultChild!).NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
            {
                EventBridgeConfiguration = new CfnBucket.EventBridgeConfigurationProperty { EventBridgeEnabled = true },
            };
        }
        WarehouseBucket = DataBucket("WarehouseBucket", props.WarehouseBucketName, "warehouse/", props, versioned: false,
        [
            new LifecycleRule { Id = "AbortIncompleteUploads", AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays) },
            new LifecycleRule { Id = "ExpireQuarantine", Prefix = QuarantinePrefix, Expiration = Duration.Days(retention.StagingExpirationDays) },
            new LifecycleRule { Id = "ExpireRunMetrics", Prefix = MetricsPrefix, Expiration = Duration.Days(retention.StagingExpirationDays) },
        ]);
        ResultsBucket = DataBucket("ResultsBucket", props.ResultsBucketName, "results/", props, versioned: false,
            [ExpireAfter(retention.AthenaResultsDays)]);
        AllowLogDelivery([StagingBucket, WarehouseBucket, ResultsBucket]);
    }

    public IKey Key { get; }
    public IBucket StagingBucket { get; }
    public IBucket WarehouseBucket { get; }
    public IBucket ResultsBucket { get; }
    public IBucket AccessLogsBucket { get; }

    public static string StagingPath(string table) => $"{StagingPrefix}{table}/";
    public static string WarehousePath(string table) => $"{WarehousePrefix}{table}/";
    public static string QuarantinePath(string table) => $"{QuarantinePrefix}{table}/";
    public static string MetricsPath(string table) => $"{MetricsPrefix}{table}/";
    public static string StatePath(string table) => $"{StatePrefix}{table}/";

    private Bucket DataBucket(string id, string name, string logPrefix, DataLakeProps props, bool versioned, LifecycleRule[] lifecycle)
    {
        var bucket = new Bucket(this, id, new BucketProps
        {
            BucketName = name,
            Encryption = BucketEncryption.KMS,
            EncryptionKey = Key,
            BucketKeyEnabled = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = versioned,
            LifecycleRules = lifecycle,
            RemovalPolicy = props.DestroyOnRemoval ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
            AutoDeleteObjects = props.DestroyOnRemoval,
        });
        // Set directly rather than through ServerAccessLogsBucket, whose behaviour depends on feature flags of the app.
        ((CfnBucket)bucket.Node.DefaultChild!).LoggingConfiguration = new CfnBucket.LoggingConfigurationProperty
        {
            DestinationBucketName = AccessLogsBucket.BucketName,
            LogFilePrefix = logPrefix,
        };
        return bucket;
    }

    /// <summary>Lets the S3 logging service write the access logs of these buckets, and nothing else, into the log bucket.</summary>
    // An ACL-less (BucketOwnerEnforced) target bucket receives logs only through this policy:
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html#grant-log-delivery-permissions-general
    private void AllowLogDelivery(IBucket[] sources)
    {
        var stack = Stack.Of(this);
        AccessLogsBucket.AddToResourcePolicy(PolicyStatement.FromJson(new Dictionary<string, object>
        {
            ["Sid"] = "AllowS3ServerAccessLogDelivery",
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Service"] = "logging.s3.amazonaws.com" },
            ["Action"] = "s3:PutObject",
            ["Resource"] = $"{AccessLogsBucket.BucketArn}/*",
            ["Condition"] = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = sources.Select(b => b.BucketArn).ToArray() },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            },
        }));
    }

    private static LifecycleRule ExpireAfter(int days) => new()
    {
        Id = "Expire",
        AbortIncompleteMultipartUploadAfter = Duration.Days(AbortIncompleteUploadDays),
        Expiration = Duration.Days(days),
    };
}
