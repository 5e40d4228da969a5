using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;
using DataPipeline.Components.EtlJob;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Components;

/// <summary>A table job with non-default settings, and a derived job with defaults, each synthesized once.</summary>
public sealed class EtlJobFixture
{
    public static readonly JobSettings Tuned = new()
    {
        GlueVersion = "5.0",
        WorkerType = "G.2X",
        Workers = 7,
        AutoScaling = true,
        TimeoutMinutes = 45,
        MaxRetries = 2,
        MaxConcurrentRuns = 3,
        Flex = true,
        JobBookmarks = true,
    };

    public TemplateJson Table { get; } = Synthesize(Tuned, readsStaging: true, reads: []);

    public TemplateJson Derived { get; } = Synthesize(new JobSettings(), readsStaging: false, reads: ["tracks", "artists"]);

    public static EtlJobProps Props(Stack stack, JobSettings settings, bool readsStaging, string[] reads) => new()
    {
        JobName = "p-dev-d-albums",
        Table = "albums",
        PlanJson = """{"table":"albums"}""",
        Script = new Asset(stack, "Script", new AssetProps { Path = Path.Combine(RepoRoot.Path, "etl", "glue_runner.py") }),
        StagingBucket = Bucket.FromBucketName(stack, "Staging", "p-dev-d-staging"),
        WarehouseBucket = Bucket.FromBucketName(stack, "Warehouse", "p-dev-d-warehouse"),
        EncryptionKey = new Key(stack, "Key", new KeyProps { EnableKeyRotation = true }),
        SecurityConfigurationName = "p-dev-d",
        Settings = settings,
        LogRetentionDays = 14,
        RoleName = "p-dev-d-etl-albums",
        LogGroupName = "/aws-glue/p-dev-d/albums",
        ReadsStaging = readsStaging,
        ReadsTables = reads,
    };

    private static TemplateJson Synthesize(JobSettings settings, bool readsStaging, string[] reads)
    {
        var stack = TestStack.Create();
        _ = new EtlJob(stack, "Job", Props(stack, settings, readsStaging, reads));
        return new TemplateJson(Template.FromStack(stack));
    }
}
