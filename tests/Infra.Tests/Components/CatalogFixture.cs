using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using DataPipeline.Components.Catalog;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Components;

/// <summary>A catalog on a scheduled crawler and one on demand, each synthesized once.</summary>
public sealed class CatalogFixture
{
    public TemplateJson Scheduled { get; } = Synthesize("cron(15 4 * * ? *)");

    public TemplateJson OnDemand { get; } = Synthesize(null);

    public static CatalogProps Props(Amazon.CDK.Stack stack, string? schedule) => new()
    {
        DatabaseName = "p_dev_d",
        CrawlerName = "p-dev-d-crawler",
        CrawlerRoleName = "p-dev-d-crawler",
        SecurityConfigurationName = "p-dev-d",
        WarehouseBucket = Bucket.FromBucketName(stack, "Warehouse", "p-dev-d-warehouse"),
        Tables = ["artists", "albums"],
        EncryptionKey = new Key(stack, "Key", new KeyProps { EnableKeyRotation = true }),
        ScheduleCron = schedule,
    };

    private static TemplateJson Synthesize(string? schedule)
    {
        var stack = TestStack.Create();
        _ = new Catalog(stack, "Catalog", Props(stack, schedule));
        return new TemplateJson(Template.FromStack(stack));
    }
}
