using DataPipeline.Config.Model;

namespace DataPipeline.Config.Settings;

/// <summary>
/// Every key of pipeline.&lt;env&gt;.yaml, described once. The reader (Config.Reading.EnvironmentFileReader), the JSON
/// schema (schema/pipeline.env.schema.json) and the README's settings table come from these descriptions.
/// </summary>
public static class EnvironmentFileSettings
{
    private const int TenYears = 3650;

    public static readonly TextSetting Account = new() { Key = "account", Required = true, Pattern = @"^\d{12}$", Describe = "12 digits, quoted", Example = "\"123456789012\"", Doc = "The AWS account id the stacks deploy to." };
    public static readonly TextSetting Region = new() { Key = "region", Required = true, Pattern = @"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$", Describe = "AWS region name", Example = "eu-west-1", Doc = "The AWS region the stacks deploy to, e.g. eu-west-1." };
    public static readonly ChoiceSetting<RemovalChoice> RemovalPolicy = new()
    {
        Key = "removal_policy",
        Choices = new Dictionary<string, RemovalChoice> { ["retain"] = RemovalChoice.Retain, ["destroy"] = RemovalChoice.Destroy },
        Default = RemovalChoice.Retain,
        Doc = "What happens to buckets and the key when a stack is deleted; destroy also empties the buckets, and production environments refuse it.",
    };

    // retention
    public static readonly IntSetting StagingInfrequentAccessDays = new() { Key = "staging_infrequent_access_days", Min = 30, Max = TenYears, Unit = " days (S3 needs 30 or more)", Default = 30, Doc = "Raw files move to S3 Standard-IA after this many days." };
    public static readonly IntSetting StagingGlacierDays = new() { Key = "staging_glacier_days", Min = 1, Max = TenYears, Unit = " days", Default = 90, Doc = "Raw files move to S3 Glacier Flexible Retrieval after this many days." };
    public static readonly IntSetting StagingExpirationDays = new() { Key = "staging_expiration_days", Min = 1, Max = TenYears, Unit = " days", Default = 365, Doc = "Raw files are deleted after this many days; so are quarantined rows and run metrics." };
    public static readonly IntSetting NoncurrentVersionExpirationDays = new() { Key = "noncurrent_version_expiration_days", Min = 1, Max = TenYears, Unit = " days", Default = 30, Doc = "Overwritten or deleted raw files are kept this many days." };
    public static readonly IntSetting AthenaResultsDays = new() { Key = "athena_results_days", Min = 1, Max = TenYears, Unit = " days", Default = 7, Doc = "Athena query results are deleted after this many days." };
    public static readonly IntSetting AccessLogsDays = new() { Key = "access_logs_days", Min = 1, Max = TenYears, Unit = " days", Default = 90, Doc = "S3 server access logs are deleted after this many days." };
    public static readonly IntSetting LogRetentionDays = new() { Key = "log_retention_days", Min = 1, Max = TenYears, Unit = " days", Allowed = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], Default = 30, Doc = "Glue job and crawler logs are kept this many days (the retention periods CloudWatch Logs offers)." };
    public static readonly SettingGroup RetentionKeys = new("How long data and logs are kept.",
        [StagingInfrequentAccessDays, StagingGlacierDays, StagingExpirationDays, NoncurrentVersionExpirationDays, AthenaResultsDays, AccessLogsDays, LogRetentionDays]);

    // athena
    public static readonly IntSetting BytesScannedCutoffMb = new() { Key = "bytes_scanned_cutoff_mb", Min = 10, Max = 1_000_000_000, Unit = " MB (Athena's smallest cutoff is 10 MB)", Default = 1024, Doc = "A query that would scan more than this many megabytes is cancelled." };
    public static readonly SettingGroup AthenaKeys = new("The Athena workgroup.", [BytesScannedCutoffMb], definition: "athena");

    // crawler
    public static readonly TextSetting CrawlerSchedule = new()
    {
        Key = "schedule",
        Default = Model.CrawlerSettings.AfterEtlWord,
        Pattern = @"^(after_etl|on_demand|cron\(.*\))$",
        Example = "after_etl",
        Describe = "after_etl, cron(min hour day month weekday year) or on_demand",
        Doc = "When the Glue crawler catalogs the warehouse: after_etl, once the workflow's jobs succeeded; or a cron in UTC of its own (then the workflow does not start it); on_demand: only by hand.",
    };
    public static readonly SettingGroup CrawlerKeys = new("The Glue crawler.", [CrawlerSchedule], definition: "crawler");

    // etl: job settings, which also stand in etl.tables.<table> and datasets.<dataset>.etl
    public static readonly TextSetting GlueVersion = new() { Key = "glue_version", Choices = ["4.0", "5.0"], Default = "4.0", Doc = "The Glue version of the jobs (quote it: \"4.0\")." };
    public static readonly TextSetting WorkerType = new()
    {
        Key = "worker_type",
        Choices = ["G.1X", "G.2X", "G.4X", "G.8X", "G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"],
        Default = "G.1X",
        Doc = "The Glue worker type; G.12X, G.16X and the R types need glue_version \"5.0\".",
    };
    public static readonly IntSetting Workers = new() { Key = "workers", Min = 2, Max = 299, Unit = " (Glue Spark jobs need at least 2 workers)", Default = 2, Doc = "Workers per job run (the most it may use with auto_scaling)." };
    public static readonly BoolSetting AutoScaling = new() { Key = "auto_scaling", Default = false, Doc = "Let Glue use fewer workers than workers when a run needs fewer." };
    public static readonly IntSetting TimeoutMinutes = new() { Key = "timeout_minutes", Min = 1, Max = 10_079, Unit = " minutes", Default = 60, Doc = "A job run is stopped after this many minutes (Glue's own default is 48 hours)." };
    public static readonly IntSetting MaxRetries = new() { Key = "max_retries", Min = 0, Max = 10, Default = 0, Doc = "How often Glue retries a failed job run." };
    public static readonly IntSetting MaxConcurrentRuns = new() { Key = "max_concurrent_runs", Min = 1, Max = 1000, Default = 1, Doc = "How many runs of one job may run at once; only 1 is accepted, since two runs would write the same table." };
    public static readonly BoolSetting Flex = new() { Key = "flex", Default = false, Doc = "Run with Glue Flex execution (cheaper, may start late); refused in production and on worker types other than G.1X and G.2X." };
    public static readonly IReadOnlyList<Setting> JobMembers = [GlueVersion, WorkerType, Workers, AutoScaling, TimeoutMinutes, MaxRetries, MaxConcurrentRuns, Flex];
    public static readonly IReadOnlyDictionary<string, string> RemovedJobKeys = new Dictionary<string, string>
    {
        ["job_bookmarks"] = "is gone: every run reads only the staging files its table's ledger (_state/<table>/ledger.jsonl) has not seen, and Glue's own bookmarks stay disabled; delete the line.",
    };
    public static readonly SettingGroup JobKeys = new("Settings of one table's Glue job.", JobMembers, definition: "job", removed: RemovedJobKeys);

    public static readonly TextSetting EtlSchedule = Schedule("schedule", Model.Schedule.OnDemand, "When the Glue workflow starts, in UTC; on_demand: only by hand or, with event_driven, by landed files.");
    public static readonly BoolSetting EventDriven = new() { Key = "event_driven", Default = false, Doc = "Files landing under staging/ start the workflow too." };
    public static readonly IntSetting BatchWindowMinutes = new() { Key = "batch_window_minutes", Min = 1, Max = 15, Unit = " minutes (Glue batches events for 1 to 900 seconds)", Default = 15, Doc = "With event_driven: how long the workflow gathers landed files before it starts." };
    public static readonly IntSetting TablesPerJob = new() { Key = "tables_per_job", Min = 1, Max = 50, Unit = " tables", Default = 1, Doc = "How many tables (with the same job settings) one Glue job cleans, one after another in one Spark session; raise it for datasets of many tables to stay within Glue's 50 jobs per trigger and 100 nodes per workflow." };
    public static readonly NamedSectionsSetting EtlTables = new() { Key = "tables", Item = JobKeys, Doc = "Job settings of single tables (cleaned or derived), by table name; they override the settings above." };
    public static readonly SettingGroup EtlKeys = new("The Glue jobs and workflow.", [EtlSchedule, EventDriven, BatchWindowMinutes, TablesPerJob, .. JobMembers, EtlTables], definition: "etl", removed: RemovedJobKeys);

    // alerts
    public static readonly TextListSetting Emails = new() { Key = "emails", Doc = "Addresses subscribed to the dataset's alert topic (each confirms by mail)." };
    public static readonly IntSetting FreshnessHours = new() { Key = "freshness_hours", Min = 1, Max = 168, Unit = " hours (CloudWatch alarms look back at most 7 days)", Default = 26, Doc = "The freshness alarm fires when no run has succeeded for this many hours." };
    public static readonly BoolSetting AlertsDedicatedKey = new() { Key = "dedicated_key", Default = false, Doc = "Encrypt the alert topic with a key of its own instead of the dataset key." };
    public static readonly SettingGroup AlertKeys = new("Who hears about failed runs and stale data.", [Emails, FreshnessHours, AlertsDedicatedKey]);

    // quicksight
    public static readonly BoolSetting QuickSightEnabled = new() { Key = "enabled", Default = false, Doc = "Create a QuickSight data source on the workgroup, a dataset per table and derived table, and the datasets' dashboards." };
    public static readonly TextListSetting QuickSightPrincipals = new() { Key = "principals", ItemPattern = "^arn:aws:quicksight:", Example = "[arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts]", Doc = "QuickSight user or group ARNs that may use the data source and datasets and view the dashboards." };
    public static readonly SettingGroup QuickSightKeys = new("Amazon QuickSight.", [QuickSightEnabled, QuickSightPrincipals]);

    public static readonly TextMapSetting Tags = new() { Key = "tags", Doc = "Tags put on every resource of the environment's stacks." };
    public static readonly BoolSetting GlueCatalogEncryption = new() { Key = "glue_catalog_encryption", Default = false, Doc = "Encrypt the account's Glue Data Catalog with the dataset key; an account and region hold one such setting, so the environment may deploy one dataset only." };

    // datasets.<dataset>
    public static readonly SectionSetting DatasetAthena = new() { Key = "athena", Keys = AthenaKeys, Doc = "Overrides the environment's athena settings for this dataset." };
    public static readonly SectionSetting DatasetCrawler = new() { Key = "crawler", Keys = CrawlerKeys, Doc = "Overrides the environment's crawler settings for this dataset." };
    public static readonly SectionSetting DatasetEtl = new() { Key = "etl", Keys = EtlKeys, Doc = "Overrides the environment's etl settings for this dataset." };
    public static readonly SettingGroup DatasetKeys = new("A dataset deployed in this environment; {} takes the environment's settings.", [DatasetAthena, DatasetCrawler, DatasetEtl]);

    public static readonly SectionSetting Retention = new() { Key = "retention", Keys = RetentionKeys, Doc = "How long data and logs are kept." };
    public static readonly SectionSetting Athena = new() { Key = "athena", Keys = AthenaKeys, Doc = "The Athena workgroup." };
    public static readonly SectionSetting Crawler = new() { Key = "crawler", Keys = CrawlerKeys, Doc = "The Glue crawler." };
    public static readonly SectionSetting Etl = new() { Key = "etl", Keys = EtlKeys, Doc = "The Glue jobs and workflow." };
    public static readonly SectionSetting Alerts = new() { Key = "alerts", Keys = AlertKeys, Doc = "Who hears about failed runs and stale data." };
    public static readonly SectionSetting QuickSight = new() { Key = "quicksight", Keys = QuickSightKeys, Doc = "Amazon QuickSight." };
    public static readonly NamedSectionsSetting Datasets = new() { Key = "datasets", Required = true, Item = DatasetKeys, Doc = "The datasets of pipeline.yaml this environment deploys, with their overrides." };

    /// <summary>The keys of the whole file.</summary>
    public static readonly SettingGroup File = new("pipeline.<env>.yaml: where and how big the pipeline runs.",
        [Account, Region, RemovalPolicy, Retention, Athena, Crawler, Etl, Alerts, QuickSight, Tags, GlueCatalogEncryption, Datasets]);

    private static TextSetting Schedule(string key, string @default, string doc) => new()
    {
        Key = key,
        Default = @default,
        Pattern = @"^(on_demand|cron\(.*\))$",
        Example = "cron(0 5 * * ? *)",
        Describe = "cron(min hour day month weekday year) or on_demand",
        Doc = doc,
    };
}
