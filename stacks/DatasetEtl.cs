using Amazon.CDK.AWS.S3.Assets;
using Constructs;
using DataPipeline.Compiler;
using DataPipeline.Components.EtlJob;
using DataPipeline.Components.EtlWorkflow;
using DataPipeline.Components.PipelineAlerts;
using DataPipeline.Components.Shared;
using DataPipeline.Config.Model;
using Lake = DataPipeline.Components.DataLake.DataLake;
using CatalogConstruct = DataPipeline.Components.Catalog.Catalog;

namespace DataPipeline.Stacks;

/// <summary>
/// The ETL of one dataset: a Glue job per cleaned and per derived table, running the plans compiled from
/// pipeline.yaml, chained by a workflow and watched by alerts.
/// </summary>
public sealed class DatasetEtl : Construct
{
    /// <summary>The generic Glue runner, copied beside the app at build time from etl/glue_runner.py.</summary>
    public static string RunnerScript { get; } = Path.Combine(AppContext.BaseDirectory, "etl", "glue_runner.py");

    private readonly Dictionary<string, Asset> _scripts = new(StringComparer.Ordinal);

    public DatasetEtl(Construct scope, string id, DatasetPlan plan, Lake lake, CatalogConstruct catalog)
        : base(scope, id)
    {
        var names = plan.Names;
        var root = plan.Pipeline.RootDirectory;
        TableJobs = plan.Dataset.Tables.Select(table => Job(plan, lake, catalog, table.Name,
            TransformCompiler.Compile(table, SqlDialect.Spark), table.Script ?? RunnerScript, readsStaging: true, [])).ToList();
        DerivedJobs = plan.Dataset.Derived.Select(derived => Job(plan, lake, catalog, derived.Name,
            TransformCompiler.CompileDerived(derived, File.ReadAllText(Path.Combine(root, derived.SqlFile)), SqlDialect.Spark),
            RunnerScript, readsStaging: false, derived.DependsOn)).ToList();

        Workflow = new EtlWorkflow(this, "Workflow", new EtlWorkflowProps
        {
            WorkflowName = names.Workflow,
            TableJobs = TableJobs.Select(j => j.JobName).ToList(),
            DerivedJobs = DerivedJobs.Select(j => j.JobName).ToList(),
            CrawlerName = plan.Crawler.AfterEtl ? names.Crawler : null,
            Schedule = plan.Etl.Schedule,
            StartOnStagingUploads = plan.Etl.EventDriven ? lake.StagingBucket : null,
            BatchWindow = Amazon.CDK.Duration.Minutes(plan.Etl.BatchWindowMinutes),
        });
        foreach (var job in TableJobs.Concat(DerivedJobs))
        {
            Workflow.Node.AddDependency(job);
        }
        Workflow.Node.AddDependency(catalog.Crawler);

        Alerts = new PipelineAlerts(this, "Alerts", new PipelineAlertsProps
        {
            TopicName = names.AlertsTopic,
            EncryptionKey = plan.Environment.Alerts.DedicatedKey ? null : lake.Key,
            KeyAlias = names.AlertsKeyAlias,
            KeyRemovalPolicy = plan.DestroyOnRemoval ? Amazon.CDK.RemovalPolicy.DESTROY : Amazon.CDK.RemovalPolicy.RETAIN,
            JobNamePrefix = names.JobNamePrefix,
            Crawlers = [names.Crawler],
            FinalJobs = Workflow.FinalJobs,
            FreshnessHours = plan.Environment.Alerts.FreshnessHours,
            Emails = plan.Environment.Alerts.Emails,
        });
    }

    public IReadOnlyList<EtlJob> TableJobs { get; }
    public IReadOnlyList<EtlJob> DerivedJobs { get; }
    public EtlWorkflow Workflow { get; }
    public PipelineAlerts Alerts { get; }

    private EtlJob Job(DatasetPlan plan, Lake lake, CatalogConstruct catalog, string table, TransformPlan compiled, string script, bool readsStaging, IReadOnlyList<string> reads) =>
        new(this, ConstructIds.Pascal("Job", table), new EtlJobProps
        {
            JobName = plan.Names.Job(table),
            Table = table,
            PlanJson = compiled.ToJson(),
            Script = Script(plan.Pipeline.RootDirectory, script),
            StagingBucket = lake.StagingBucket,
            WarehouseBucket = lake.WarehouseBucket,
            EncryptionKey = lake.Key,
            SecurityConfigurationName = catalog.SecurityConfigurationName,
            Settings = plan.Etl.For(table),
            LogRetentionDays = plan.Environment.Retention.LogRetentionDays,
            RoleName = plan.Names.JobRole(table),
            LogGroupName = plan.Names.JobLogGroup(table),
            ReadsStaging = readsStaging,
            ReadsTables = reads,
        });

    /// <summary>One asset per distinct script, shared by the jobs that run it. Relative paths are the user's, under the config folder.</summary>
    private Asset Script(string root, string path)
    {
        if (!_scripts.TryGetValue(path, out var asset))
        {
            asset = new Asset(this, ConstructIds.Pascal("Script", Path.GetFileNameWithoutExtension(path)), new AssetProps
            {
                Path = Path.Combine(root, path),
            });
            _scripts[path] = asset;
        }
        return asset;
    }
}
