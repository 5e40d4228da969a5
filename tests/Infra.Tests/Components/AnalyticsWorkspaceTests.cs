using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using DataPipeline.Components.AnalyticsWorkspace;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class AnalyticsWorkspaceTests
{
    private static readonly SavedQuery[] Queries =
    [
        new("top_artists", "Top artists", "SELECT 1 FROM \"p_dev_d\".\"tbl_artists\""),
        new("by_year", "Per year", "SELECT 2"),
    ];

    private static readonly Lazy<TemplateJson> WithoutQuickSight = new(() => Synthesize([]));
    private static readonly Lazy<TemplateJson> WithQuickSight = new(() => Synthesize(["arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts"]));

    private static JObject Workgroup => WithoutQuickSight.Value.Single("AWS::Athena::WorkGroup");

    private static AnalyticsWorkspaceProps Props(Amazon.CDK.Stack stack, string[] principals) => new()
    {
        WorkgroupName = "p-dev-d",
        DatabaseName = "p_dev_d",
        ResultsBucket = Bucket.FromBucketName(stack, "Results", "p-dev-d-results"),
        WarehouseBucket = Bucket.FromBucketName(stack, "Warehouse", "p-dev-d-warehouse"),
        EncryptionKey = new Key(stack, "Key", new KeyProps { EnableKeyRotation = true }),
        BytesScannedCutoff = 50_000_000,
        Queries = Queries,
        QuickSightPrincipals = principals,
        QuickSightDataSourceId = "p-dev-d-athena",
        QuickSightTables =
        [
            new QuickSightTable("p-dev-d-artists", "tbl_artists", [("id", "STRING"), ("followers", "INTEGER")]),
            new QuickSightTable("p-dev-d-albums", "tbl_albums", [("album_id", "STRING")]),
        ],
    };

    private static TemplateJson Synthesize(string[] principals)
    {
        var stack = TestStack.Create();
        _ = new AnalyticsWorkspace(stack, "Analytics", Props(stack, principals));
        return new TemplateJson(Template.FromStack(stack));
    }

    [Fact]
    public void AnalyticsWorkspace_enforces_its_settings_on_every_query()
    {
        Assert.True((bool)Workgroup.SelectToken("Properties.WorkGroupConfiguration.EnforceWorkGroupConfiguration")!);
        Assert.Equal("ENABLED", (string?)Workgroup.SelectToken("Properties.State"));
    }

    [Fact]
    public void AnalyticsWorkspace_encrypts_results_with_the_key_under_their_own_prefix()
    {
        var results = Workgroup.SelectToken("Properties.WorkGroupConfiguration.ResultConfiguration")!;
        Assert.Equal("s3://p-dev-d-results/athena-results/", (string?)results["OutputLocation"]);
        Assert.Equal("SSE_KMS", (string?)results.SelectToken("EncryptionConfiguration.EncryptionOption"));
        Assert.NotNull(results.SelectToken("EncryptionConfiguration.KmsKey['Fn::GetAtt']"));
    }

    [Fact]
    public void AnalyticsWorkspace_cancels_queries_that_scan_more_than_the_cutoff()
    {
        Assert.Equal(50_000_000, (long)Workgroup.SelectToken("Properties.WorkGroupConfiguration.BytesScannedCutoffPerQuery")!);
    }

    [Fact]
    public void AnalyticsWorkspace_publishes_metrics_and_uses_engine_version_3()
    {
        Assert.True((bool)Workgroup.SelectToken("Properties.WorkGroupConfiguration.PublishCloudWatchMetricsEnabled")!);
        Assert.Equal("Athena engine version 3", (string?)Workgroup.SelectToken("Properties.WorkGroupConfiguration.EngineVersion.SelectedEngineVersion"));
    }

    [Fact]
    public void AnalyticsWorkspace_keeps_the_workgroup_when_it_has_queries_unless_destroy_is_asked()
    {
        Assert.False((bool)Workgroup.SelectToken("Properties.RecursiveDeleteOption")!);
    }

    [Fact]
    public void AnalyticsWorkspace_refuses_a_cutoff_below_athenas_minimum()
    {
        var stack = TestStack.Create();
        var error = Assert.Throws<ArgumentException>(() =>
            new AnalyticsWorkspace(stack, "Analytics", Props(stack, []) with { BytesScannedCutoff = 9_999_999 }));
        Assert.Equal("BytesScannedCutoff must be at least 10,000,000 bytes, Athena's minimum. (Parameter 'props')", error.Message);
    }

    [Fact]
    public void AnalyticsWorkspace_saves_one_named_query_per_query_in_its_workgroup_and_database()
    {
        var template = WithoutQuickSight.Value;
        template.Template.ResourceCountIs("AWS::Athena::NamedQuery", 2);
        template.Template.HasResourceProperties("AWS::Athena::NamedQuery", new Dictionary<string, object>
        {
            ["Name"] = "top_artists",
            ["Description"] = "Top artists",
            ["Database"] = "p_dev_d",
            ["QueryString"] = "SELECT 1 FROM \"p_dev_d\".\"tbl_artists\"",
            ["WorkGroup"] = new Dictionary<string, object> { ["Ref"] = template.OfType("AWS::Athena::WorkGroup").Single().Id },
        });
    }

    [Fact]
    public void AnalyticsWorkspace_creates_no_quicksight_resources_without_principals()
    {
        WithoutQuickSight.Value.Template.ResourceCountIs("AWS::QuickSight::DataSource", 0);
        WithoutQuickSight.Value.Template.ResourceCountIs("AWS::QuickSight::DataSet", 0);
    }

    [Fact]
    public void AnalyticsWorkspace_connects_quicksight_to_the_workgroup_for_the_principals()
    {
        var template = WithQuickSight.Value;
        var source = template.Single("AWS::QuickSight::DataSource");
        Assert.Equal("ATHENA", (string?)source.SelectToken("Properties.Type"));
        Assert.Equal(template.OfType("AWS::Athena::WorkGroup").Single().Id, (string?)source.SelectToken("Properties.DataSourceParameters.AthenaParameters.WorkGroup.Ref"));
        Assert.Equal("arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts", (string?)source.SelectToken("Properties.Permissions[0].Principal"));
    }

    [Fact]
    public void AnalyticsWorkspace_publishes_one_direct_query_dataset_per_table_so_deploying_before_the_first_crawl_works()
    {
        var template = WithQuickSight.Value;
        var dataSets = template.OfType("AWS::QuickSight::DataSet").Select(d => d.Resource).ToList();
        Assert.Equal(2, dataSets.Count);
        Assert.All(dataSets, d => Assert.Equal("DIRECT_QUERY", (string?)d.SelectToken("Properties.ImportMode")));
        var artists = dataSets.Single(d => (string?)d.SelectToken("Properties.DataSetId") == "p-dev-d-artists");
        var table = artists.SelectToken("Properties.PhysicalTableMap.Table.RelationalTable")!;
        Assert.Equal("p_dev_d", (string?)table["Schema"]);
        Assert.Equal("tbl_artists", (string?)table["Name"]);
        Assert.Equal(["id", "followers"], table.SelectTokens("InputColumns[*].Name").Select(t => (string)t!).ToArray());
    }

    private static List<JObject> QuickSightStatements(string action) =>
        WithQuickSight.Value.IamStatements().Where(s => TemplateJson.Strings(s["Action"]).Contains(action)).ToList();

    [Fact]
    public void QuickSight_data_source_queries_as_a_role_of_the_stack_that_quicksight_assumes()
    {
        var template = WithQuickSight.Value;
        var role = template.Single("AWS::IAM::Role");
        Assert.Equal("quicksight.amazonaws.com", (string?)role.SelectToken("Properties.AssumeRolePolicyDocument.Statement[0].Principal.Service"));
        var roleId = template.OfType("AWS::IAM::Role").Single().Id;
        var source = template.Single("AWS::QuickSight::DataSource");
        Assert.Equal(roleId, (string?)source.SelectToken("Properties.DataSourceParameters.AthenaParameters.RoleArn['Fn::GetAtt'][0]"));
        WithoutQuickSight.Value.Template.ResourceCountIs("AWS::IAM::Role", 0);
    }

    [Fact]
    public void QuickSight_role_may_use_only_its_workgroup_and_read_only_its_database()
    {
        Assert.Contains(":workgroup/p-dev-d", TemplateJson.Strings(QuickSightStatements("athena:StartQueryExecution").Single()["Resource"]).Single(), StringComparison.Ordinal);
        var glue = TemplateJson.Strings(QuickSightStatements("glue:GetTable").Single()["Resource"]);
        Assert.Equal(3, glue.Count);
        Assert.Contains(glue, r => r.Contains(":table/p_dev_d/*", StringComparison.Ordinal));
        Assert.DoesNotContain(WithQuickSight.Value.IamStatements(), s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("glue:Create", StringComparison.Ordinal) || a.StartsWith("glue:Update", StringComparison.Ordinal) || a.StartsWith("glue:Delete", StringComparison.Ordinal)));
    }

    [Fact]
    public void QuickSight_role_reads_the_warehouse_tables_writes_only_the_results_prefix_and_uses_the_key()
    {
        var reads = QuickSightStatements("s3:GetObject").SelectMany(s => TemplateJson.Strings(s["Resource"])).ToList();
        Assert.Contains(reads, r => r.Contains("p-dev-d-warehouse/data-warehouse/*", StringComparison.Ordinal));
        var writes = QuickSightStatements("s3:PutObject").SelectMany(s => TemplateJson.Strings(s["Resource"])).ToList();
        Assert.Single(writes);
        Assert.All(writes, w => Assert.Contains("p-dev-d-results", w, StringComparison.Ordinal));
        Assert.All(writes, w => Assert.Contains("athena-results/*", w, StringComparison.Ordinal));
        var keyId = WithQuickSight.Value.OfType("AWS::KMS::Key").Single().Id;
        Assert.Contains(keyId, QuickSightStatements("kms:Decrypt").Single()["Resource"]!.ToString(), StringComparison.Ordinal);
    }
}
