using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;
using DataPipeline.Components.EtlJob;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Components;

/// <summary>
/// A Glue 5.0 job of two tables with non-default settings, and a Glue 4.0 derived job with defaults, each synthesized once.
/// </summary>
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
    };

    public TemplateJson Table { get; } = Synthesize(Tuned, ["albums", "tracks"], readsStaging: true, reads: []);

    public TemplateJson Derived { get; } = Synthesize(new JobSettings(), ["album_summary"], readsStaging: false, reads: ["tracks", "artists"]);

    public static EtlJobProps Props(Stack stack, JobSettings settings, string[] tables, bool readsStaging, string[] reads) => new()
    {
        JobName = "p-dev-d-albums",
        Tables = tables,
        Script = new Asset(stack, "Script", new AssetProps { Path = Path.Combine(RepoRoot.Path, "etl", "glue_runner.py") }),
        Plans = new Asset(stack, "Plans", new AssetProps { Path = Path.Combine(RepoRoot.Path, "tests", "Infra.Tests", "Compiler", "Snapshots", "albums.spark.plan.json") }),
        StagingBucket = Bucket.FromBucketName(stack, "Staging", "p-dev-d-staging"),
        WarehouseBucket = Bucket.FromBucketName(stack, "Warehouse", "p-dev-d-warehouse"),
        EncryptionKey = new Key(stack, "Key", new KeyProps { EnableKeyRotation = true }),
        SecurityConfigurationName = "p-dev-d",
        LogGroupName = "/aws-glue/p-dev-d/etl",
        RoleName = "p-dev-d-etl-albums",
        GlueVersion = settings.GlueVersion,
        WorkerType = settings.WorkerType,
        Workers = settings.Workers,
        TimeoutMinutes = settings.TimeoutMinutes,
        MaxRetries = settings.MaxRetries,
        AutoScaling = settings.AutoScaling,
        Flex = settings.Flex,
        ReadsStaging = readsStaging,
        ReadsTables = reads,
    };

    private static TemplateJson Synthesize(JobSettings settings, string[] tables, bool readsStaging, string[] reads)
    {
        var stack = TestStack.Create();
        _ = new EtlJob(stack, "Job", Props(stack, settings, tables, readsStaging, reads));
        return new TemplateJson(Template.FromStack(stack));
    }
}
