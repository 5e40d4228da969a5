using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using DataPipeline.Components.Catalog;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class CatalogTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private readonly TemplateJson _template = fixture.Scheduled;

    private JObject Crawler => _template.Single("AWS::Glue::Crawler");

    private List<JObject> RoleStatements => _template.IamStatements().ToList();

    private List<string> ResourcesOf(string action) =>
        RoleStatements.Where(s => TemplateJson.Strings(s["Action"]).Contains(action))
            .SelectMany(s => TemplateJson.Strings(s["Resource"])).ToList();

    [Fact]
    public void Catalog_creates_the_database_with_the_given_name()
    {
        _template.Template.HasResourceProperties("AWS::Glue::Database", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DatabaseInput"] = Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "p_dev_d" }),
        }));
    }

    [Fact]
    public void Catalog_crawler_names_tables_with_the_tbl_prefix_in_its_database()
    {
        Assert.Equal("tbl_", (string?)Crawler.SelectToken("Properties.TablePrefix"));
        Assert.Equal("p_dev_d", (string?)Crawler.SelectToken("Properties.DatabaseName"));
    }

    [Fact]
    public void Catalog_crawler_targets_each_warehouse_table_prefix_and_excludes_spark_markers_and_quarantine()
    {
        var targets = Crawler.SelectTokens("Properties.Targets.S3Targets[*]").ToList();
        Assert.Equal(["s3://p-dev-d-warehouse/data-warehouse/artists/", "s3://p-dev-d-warehouse/data-warehouse/albums/"],
            targets.Select(t => (string)t["Path"]!).ToArray());
        Assert.All(targets, t => Assert.Equal(Catalog.Exclusions, TemplateJson.Strings(t["Exclusions"])));
        Assert.Contains("**/_SUCCESS", Catalog.Exclusions);
        Assert.Contains("**/*.crc", Catalog.Exclusions);
        Assert.Contains("quarantine/**", Catalog.Exclusions);
    }

    [Fact]
    public void Catalog_crawler_runs_on_the_given_schedule()
    {
        Assert.Equal("cron(15 4 * * ? *)", (string?)Crawler.SelectToken("Properties.Schedule.ScheduleExpression"));
    }

    [Fact]
    public void Catalog_crawler_has_no_schedule_when_it_runs_on_demand()
    {
        Assert.Null(fixture.OnDemand.Single("AWS::Glue::Crawler").SelectToken("Properties.Schedule"));
    }

    [Fact]
    public void Catalog_crawler_updates_schemas_in_place_and_only_logs_deleted_objects()
    {
        Assert.Equal("UPDATE_IN_DATABASE", (string?)Crawler.SelectToken("Properties.SchemaChangePolicy.UpdateBehavior"));
        Assert.Equal("LOG", (string?)Crawler.SelectToken("Properties.SchemaChangePolicy.DeleteBehavior"));
        Assert.Equal("CRAWL_EVERYTHING", (string?)Crawler.SelectToken("Properties.RecrawlPolicy.RecrawlBehavior"));
    }

    [Fact]
    public void Catalog_crawler_creates_one_table_per_warehouse_folder()
    {
        var configuration = JObject.Parse((string)Crawler.SelectToken("Properties.Configuration")!);
        Assert.Equal(3, (int)configuration.SelectToken("Grouping.TableLevelConfiguration")!);
    }

    [Fact]
    public void Catalog_security_configuration_encrypts_logs_bookmarks_and_s3_with_the_key()
    {
        var encryption = _template.Single("AWS::Glue::SecurityConfiguration").SelectToken("Properties.EncryptionConfiguration")!;
        Assert.Equal("SSE-KMS", (string?)encryption.SelectToken("CloudWatchEncryption.CloudWatchEncryptionMode"));
        Assert.Equal("CSE-KMS", (string?)encryption.SelectToken("JobBookmarksEncryption.JobBookmarksEncryptionMode"));
        Assert.Equal("SSE-KMS", (string?)encryption.SelectToken("S3Encryptions[0].S3EncryptionMode"));
        var keyId = _template.OfType("AWS::KMS::Key").Single().Id;
        Assert.All(new[] { "CloudWatchEncryption.KmsKeyArn", "JobBookmarksEncryption.KmsKeyArn", "S3Encryptions[0].KmsKeyArn" },
            path => Assert.Equal(keyId, (string?)encryption.SelectToken(path + "['Fn::GetAtt'][0]")));
    }

    [Fact]
    public void Catalog_crawler_uses_the_security_configuration()
    {
        Assert.Equal("p-dev-d", (string?)Crawler.SelectToken("Properties.CrawlerSecurityConfiguration"));
    }

    [Fact]
    public void Catalog_key_lets_cloudwatch_logs_encrypt_only_glue_log_groups()
    {
        var statement = _template.Single("AWS::KMS::Key").SelectTokens("Properties.KeyPolicy.Statement[*]")
            .Single(s => (string?)s["Sid"] == "AllowGlueLogsEncryption");
        Assert.Equal("logs.eu-west-1.amazonaws.com", (string?)statement.SelectToken("Principal.Service"));
        Assert.Contains(":log-group:/aws-glue/*\"", TemplateJson.Strings(statement.SelectToken("Condition.ArnLike['kms:EncryptionContext:aws:logs:arn']")).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_creates_the_crawlers_log_group_with_a_retention_and_the_key()
    {
        var logGroup = _template.Single("AWS::Logs::LogGroup");
        Assert.Equal("/aws-glue/crawlers-role/p-dev-d-crawler-p-dev-d", (string?)logGroup.SelectToken("Properties.LogGroupName"));
        Assert.Equal(30, (int)logGroup.SelectToken("Properties.RetentionInDays")!);
        Assert.NotNull(logGroup.SelectToken("Properties.KmsKeyId['Fn::GetAtt']"));
    }

    [Fact]
    public void Catalog_role_reads_only_the_warehouse_tables_in_one_prefix_whatever_their_number()
    {
        var reads = ResourcesOf("s3:GetObject");
        Assert.Single(reads);
        Assert.Matches("p-dev-d-warehouse/data-warehouse/\\*", reads[0]);
        var list = RoleStatements.Single(s => TemplateJson.Strings(s["Action"]).Contains("s3:ListBucket"));
        Assert.Equal(["data-warehouse/", "data-warehouse/*"], TemplateJson.Strings(list.SelectToken("Condition.StringLike['s3:prefix']")));
        Assert.DoesNotContain(RoleStatements, s => TemplateJson.Strings(s["Action"]).Any(a => a is "s3:PutObject" or "s3:DeleteObject"));
    }

    [Fact]
    public void Catalog_role_writes_only_the_tables_of_its_own_database()
    {
        var writes = ResourcesOf("glue:CreateTable");
        Assert.Equal(3, writes.Count);
        Assert.Contains(writes, r => r.Contains(":catalog\"", StringComparison.Ordinal));
        Assert.Contains(writes, r => r.Contains(":database/p_dev_d\"", StringComparison.Ordinal));
        Assert.Contains(writes, r => r.Contains(":table/p_dev_d/*\"", StringComparison.Ordinal));
        Assert.DoesNotContain(RoleStatements, s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("glue:Delete", StringComparison.Ordinal)));
    }

    [Fact]
    public void Catalog_role_has_no_wildcard_action_no_wildcard_resource_and_no_managed_policy()
    {
        Assert.NotEmpty(RoleStatements);
        Assert.All(RoleStatements, s =>
        {
            Assert.DoesNotContain(TemplateJson.Strings(s["Action"]), a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
            Assert.DoesNotContain("*", TemplateJson.Strings(s["Resource"]));
        });
        Assert.Null(_template.Single("AWS::IAM::Role").SelectToken("Properties.ManagedPolicyArns"));
    }

    [Fact]
    public void Catalog_uses_a_given_role_instead_of_creating_one()
    {
        var stack = TestStack.Create();
        var role = Role.FromRoleArn(stack, "Given", "arn:aws:iam::123456789012:role/given");
        var catalog = new Catalog(stack, "Catalog", CatalogFixture.Props(stack, null) with { CrawlerRole = role });
        Assert.Same(role, catalog.CrawlerRole);
        Template.FromStack(stack).ResourceCountIs("AWS::IAM::Role", 0);
    }
}
