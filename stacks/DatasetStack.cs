using Amazon.CDK;
using Constructs;
using DataPipeline.Components.AnalyticsWorkspace;
using DataPipeline.Components.Catalog;
using DataPipeline.Components.Dashboards;
using DataPipeline.Components.DataLake;
using DataPipeline.Config;
using DataPipeline.Config.Model;

namespace DataPipeline.Stacks;

/// <summary>
/// One dataset in one environment: its data lake, catalog and analytics workspace. Self-contained (no cross-stack
/// references), so datasets deploy, update and delete independently.
/// </summary>
public sealed class DatasetStack : Stack
{
    public DatasetStack(Construct scope, DatasetPlan plan)
        : base(scope, plan.Names.Stack, new StackProps
        {
            StackName = plan.Names.Stack,
            Env = new Amazon.CDK.Environment { Account = plan.Environment.Account, Region = plan.Environment.Region },
            TerminationProtection = plan.Environment.Production,
            Description = $"Data pipeline '{plan.Pipeline.Project}', dataset '{plan.Dataset.Name}', environment '{plan.Environment.Name}'.",
        })
    {
        Plan = plan;
        var names = plan.Names;
        var tables = plan.Dataset.AllTableNames.ToList();

        DataLake = new DataLake(this, "DataLake", new DataLakeProps
        {
            StagingBucketName = names.StagingBucket,
            WarehouseBucketName = names.WarehouseBucket,
            ResultsBucketName = names.ResultsBucket,
            AccessLogsBucketName = names.AccessLogsBucket,
            Retention = plan.Environment.Retention,
            KeyAlias = names.KeyAlias,
            DestroyOnRemoval = plan.DestroyOnRemoval,
            StagingEventsToEventBridge = plan.Etl.EventDriven,
        });
        if (plan.DestroyOnRemoval)
        {
            AutoDeleteProvider.ReplaceManagedPolicy(this);
            AutoDeleteProvider.UseSupportedRuntime(this);
        }

        Catalog = new Catalog(this, "Catalog", new CatalogProps
        {
            DatabaseName = names.Database,
            CrawlerName = names.Crawler,
            CrawlerRoleName = names.CrawlerRole,
            SecurityConfigurationName = names.SecurityConfiguration,
            WarehouseBucket = DataLake.WarehouseBucket,
            Tables = tables,
            EncryptionKey = DataLake.Key,
            ScheduleCron = plan.Crawler.AfterEtl ? null : plan.Crawler.Schedule.Cron,
            Description = plan.Dataset.Description,
            LogRetentionDays = plan.Environment.Retention.LogRetentionDays,
            EncryptCatalog = plan.Environment.GlueCatalogEncryption,
        });

        Analytics = new AnalyticsWorkspace(this, "Analytics", new AnalyticsWorkspaceProps
        {
            WorkgroupName = names.Workgroup,
            DatabaseName = names.Database,
            ResultsBucket = DataLake.ResultsBucket,
            WarehouseBucket = DataLake.WarehouseBucket,
            EncryptionKey = DataLake.Key,
            BytesScannedCutoff = plan.Athena.BytesScannedCutoff,
            DestroyOnRemoval = plan.DestroyOnRemoval,
            Queries = plan.Dataset.Queries.Select(q => new SavedQuery(q.Name, q.Description, QueryTemplate.Fill(
                File.ReadAllText(Path.Combine(plan.Pipeline.RootDirectory, q.SqlFile)), plan))).ToList(),
            QuickSightPrincipals = plan.Environment.QuickSight.Enabled ? plan.Environment.QuickSight.Principals : [],
            QuickSightDataSourceId = names.QuickSightDataSource,
            QuickSightTables = plan.Dataset.Tables.Select(t => new QuickSightTable(
                names.QuickSightDataSet(t.Name),
                ResourceNames.CatalogTable(t.Name),
                t.Columns.Select(c => (c.Name, QuickSightTypes.Of(c.Type)))
                    .Concat(t.PartitionBy.Where(p => p.From is not null).Select(p => (p.Name, "INTEGER")))
                    .ToList()))
                .Concat(plan.Dataset.Derived.Where(d => plan.Schema.Derived.ContainsKey(d.Name)).Select(d => new QuickSightTable(
                    names.QuickSightDataSet(d.Name),
                    ResourceNames.CatalogTable(d.Name),
                    plan.Schema.Derived[d.Name].Select(c => (c.Name, DashboardSpecs.Column(c).Type)).ToList())))
                .ToList(),
        });
        if (Analytics.QuickSightDataSource is { } dataSource && plan.Dataset.Dashboards.Count > 0)
        {
            var (dataSets, dashboards) = DashboardSpecs.Of(plan, Config.Dashboards.DashboardResolver.For(plan));
            Dashboards = new Dashboards(this, "Dashboards", new DashboardsProps
            {
                DataSource = dataSource,
                Principals = plan.Environment.QuickSight.Principals,
                DataSets = dataSets,
                Dashboards = dashboards,
            });
        }

        Etl = new DatasetEtl(this, "Etl", plan, DataLake, Catalog);

        Output("StagingBucketName", names.StagingBucket, "Upload raw files to staging/<table>/ in this bucket.");
        Output("WarehouseBucketName", names.WarehouseBucket, "Clean Parquet under data-warehouse/<table>/, rejected rows under quarantine/<table>/.");
        Output("DatabaseName", names.Database, "Glue Data Catalog database with the tbl_<table> tables.");
        Output("WorkgroupName", names.Workgroup, "Athena workgroup with the saved queries.");
        Output("CrawlerName", names.Crawler, "Glue crawler that catalogs the warehouse.");
        Output("WorkflowName", names.Workflow, "Glue workflow that runs the jobs (then the crawler, unless it has a schedule of its own).");
        Output("AlertsTopicArn", Etl.Alerts.Topic.TopicArn, "SNS topic for failed runs and stale data.");

        Amazon.CDK.Tags.Of(this).Add("pipeline:project", plan.Pipeline.Project);
        Amazon.CDK.Tags.Of(this).Add("pipeline:environment", plan.Environment.Name);
        Amazon.CDK.Tags.Of(this).Add("pipeline:dataset", plan.Dataset.Name);
        foreach (var (key, value) in plan.Environment.Tags)
        {
            Amazon.CDK.Tags.Of(this).Add(key, value);
        }
    }

    public DatasetPlan Plan { get; }
    public DataLake DataLake { get; }
    public Catalog Catalog { get; }
    public AnalyticsWorkspace Analytics { get; }
    /// <summary>The QuickSight dashboards, where the environment enables QuickSight and the dataset has dashboards.</summary>
    public Dashboards? Dashboards { get; }
    public DatasetEtl Etl { get; }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
