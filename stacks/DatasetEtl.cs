using System.Security.Cryptography;
using System.Text;
using Amazon.CDK.AWS.S3.Assets;
using Constructs;
using DataPipeline.Compiler;
using DataPipeline.Components.EtlJob;
using DataPipeline.Components.EtlWorkflow;
using DataPipeline.Components.JobLogs;
using DataPipeline.Components.PipelineAlerts;
using DataPipeline.Components.Shared;
using DataPipeline.Config;
using DataPipeline.Config.Model;
using Lake = DataPipeline.Components.DataLake.DataLake;
using CatalogConstruct = DataPipeline.Components.Catalog.Catalog;

namespace DataPipeline.Stacks;

/// <summary>
/// The ETL of one dataset: Glue jobs (one per table, or per group of tables with etl.tables_per_job) running the plans
/// compiled from pipeline.yaml, chained by a workflow and watched by alerts.
/// </summary>
public sealed class DatasetEtl : Construct
{
    /// <summary>The generic Glue runner, copied beside the app at build time from etl/glue_runner.py.</summary>
    public static string RunnerScript { get; } = Path.Combine(AppContext.BaseDirectory, "etl", "glue_runner.py");

    /// <summary>Where plan files are written before CDK stages them as assets; named by their content, so reruns reuse them.</summary>
    public static string PlanFolder { get; } = Path.Combine(Path.GetTempPath(), "datapipe-plans");

    private readonly Dictionary<string, Asset> _scripts = new(StringComparer.Ordinal);

    public DatasetEtl(Construct scope, string id, DatasetPlan plan, Lake lake, CatalogConstruct catalog)
        : base(scope, id)
    {
        var names = plan.Names;
        var root = plan.Pipeline.RootDirectory;
        var tableGroups = EtlJobLayout.TableJobs(plan);
        var derivedGroups = EtlJobLayout.DerivedJobs(plan);
        Logs = new JobLogs(this, "Logs", new JobLogsProps
        {
            LogGroupName = names.JobLogs,
            SecurityConfigurationName = catalog.SecurityConfigurationName,
            GlueVersions = tableGroups.Concat(derivedGroups).Select(g => g.Settings.GlueVersion).ToList(),
            RetentionDays = plan.Environment.Retention.LogRetentionDays,
            EncryptionKey = lake.Key,
        });
        var tables = plan.Dataset.Tables.ToDictionary(t => t.Name);
        var derived = plan.Dataset.Derived.ToDictionary(d => d.Name);
        TableJobs = tableGroups.Select(group => Job(plan, lake, catalog, group,
            group.Tables.Select(t => TransformCompiler.Compile(tables[t], SqlDialect.Spark)), [])).ToList();
        DerivedJobs = derivedGroups.Select(group => Job(plan, lake, catalog, group,
            group.Tables.Select(d => TransformCompiler.CompileDerived(derived[d], File.ReadAllText(Path.Combine(root, derived[d].SqlFile)), SqlDialect.Spark, plan.Schema.Derived.GetValueOrDefault(d), plan.Schema.Tables)),
            group.Tables.SelectMany(d => derived[d].DependsOn).ToList())).ToList();

        Workflow = new EtlWorkflow(this, "Workflow", new EtlWorkflowProps
        {
            WorkflowName = names.Workflow,
            TableJobs = TableJobs.Select(j => j.JobName).ToList(),
            DerivedJobs = DerivedJobs.Select(j => j.JobName).ToList(),
            CrawlerName = plan.Crawler.AfterEtl ? names.Crawler : null,
            ScheduleCron = plan.Etl.Schedule.Cron,
            StartOnStagingUploads = plan.Etl.EventDriven ? lake.StagingBucket : null,
            BatchWindow = Amazon.CDK.Duration.Minutes(plan.Etl.BatchWindowMinutes),
        });
        foreach (var job in TableJobs.Concat(DerivedJobs))
        {
            job.Node.AddDependency(Logs);
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

    public JobLogs Logs { get; }
    /// <summary>The file each job's plans asset was made from, by job name.</summary>
    public Dictionary<string, string> PlanFiles { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<EtlJob> TableJobs { get; }
    public IReadOnlyList<EtlJob> DerivedJobs { get; }
    public EtlWorkflow Workflow { get; }
    public PipelineAlerts Alerts { get; }

    /// <summary>The plans as the runner reads them: a JSON list, one compiled plan per table, in the order they run.</summary>
    public static string PlansJson(IEnumerable<TransformPlan> plans) => "[" + string.Join(",", plans.Select(p => p.ToJson())) + "]";

    private EtlJob Job(DatasetPlan plan, Lake lake, CatalogConstruct catalog, EtlJobGroup group, IEnumerable<TransformPlan> compiled, IReadOnlyList<string> reads)
    {
        var suffix = group.JobName[plan.Names.JobNamePrefix.Length..];
        var settings = group.Settings;
        return new EtlJob(this, ConstructIds.Pascal("Job", suffix), new EtlJobProps
        {
            JobName = group.JobName,
            Tables = group.Tables,
            Script = Script(plan.Pipeline.RootDirectory, group.Script ?? RunnerScript),
            Plans = new Asset(this, ConstructIds.Pascal("Plans", suffix), new AssetProps { Path = PlanFiles[group.JobName] = PlanFile(PlansJson(compiled)) }),
            StagingBucket = lake.StagingBucket,
            WarehouseBucket = lake.WarehouseBucket,
            EncryptionKey = lake.Key,
            SecurityConfigurationName = catalog.SecurityConfigurationName,
            LogGroupName = Logs.LogGroupName,
            RoleName = group.RoleName,
            GlueVersion = settings.GlueVersion,
            WorkerType = settings.WorkerType,
            Workers = settings.Workers,
            TimeoutMinutes = settings.TimeoutMinutes,
            MaxRetries = settings.MaxRetries,
            AutoScaling = settings.AutoScaling,
            Flex = settings.Flex,
            ReadsStaging = !group.Derived,
            ReadsTables = reads,
        });
    }

    private static string PlanFile(string json)
    {
        var path = Path.Combine(PlanFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))) + ".json");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(PlanFolder);
            var partial = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(partial, json);
            File.Move(partial, path, overwrite: true);
        }
        return path;
    }

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
