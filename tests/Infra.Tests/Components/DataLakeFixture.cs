using Amazon.CDK.Assertions;
using DataPipeline.Components.DataLake;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Components;

/// <summary>A retained and a destroyable data lake, each synthesized once for all DataLake tests.</summary>
public sealed class DataLakeFixture
{
    public TemplateJson Retained { get; } = Synthesize(destroy: false);

    public TemplateJson Destroyed { get; } = Synthesize(destroy: true);

    public static DataLakeProps Props(bool destroy) => new()
    {
        StagingBucketName = "p-dev-d-staging-123456789012",
        WarehouseBucketName = "p-dev-d-warehouse-123456789012",
        ResultsBucketName = "p-dev-d-results-123456789012",
        AccessLogsBucketName = "p-dev-d-logs-123456789012",
        Retention = Retention.Distinct,
        KeyAlias = "alias/p-dev-d",
        DestroyOnRemoval = destroy,
    };

    private static TemplateJson Synthesize(bool destroy)
    {
        var stack = TestStack.Create();
        _ = new DataLake(stack, "DataLake", Props(destroy));
        return new TemplateJson(Template.FromStack(stack));
    }
}
