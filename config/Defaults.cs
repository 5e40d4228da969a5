namespace DataPipeline.Config;

/// <summary>
/// Every default of the environment files (and of the one dataset setting of pipeline.yaml), in one place; the README
/// points here. A setting left out of the YAML takes the value below.
/// </summary>
public static class Defaults
{
    /// <summary>retention.staging_infrequent_access_days: raw files move to S3 Standard-IA after 30 days.</summary>
    public const int StagingInfrequentAccessDays = 30;
    /// <summary>retention.staging_glacier_days: raw files move to Glacier Flexible Retrieval after 90 days.</summary>
    public const int StagingGlacierDays = 90;
    /// <summary>retention.staging_expiration_days: raw files are deleted after 365 days.</summary>
    public const int StagingExpirationDays = 365;
    /// <summary>retention.noncurrent_version_expiration_days: overwritten raw files are kept 30 days.</summary>
    public const int NoncurrentVersionExpirationDays = 30;
    /// <summary>retention.athena_results_days: query results are deleted after 7 days.</summary>
    public const int AthenaResultsDays = 7;
    /// <summary>retention.access_logs_days: S3 access logs are deleted after 90 days.</summary>
    public const int AccessLogsDays = 90;
    /// <summary>retention.log_retention_days: Glue job logs are kept 30 days.</summary>
    public const int LogRetentionDays = 30;
    /// <summary>Incomplete multipart uploads are aborted after 1 day on every bucket (not configurable).</summary>
    public const int AbortIncompleteUploadDays = 1;

    /// <summary>athena.bytes_scanned_cutoff_mb: a query that would scan more than 1 GiB is cancelled.</summary>
    public const int BytesScannedCutoffMb = 1024;
    /// <summary>The smallest cutoff Athena accepts, 10 MB.</summary>
    public const int MinBytesScannedCutoffMb = 10;

    /// <summary>
    /// crawler.schedule: after_etl, the ETL workflow starts the crawler once its jobs succeeded (a cron expression gives
    /// the crawler a schedule of its own instead, and the workflow does not start it; on_demand: only by hand).
    /// </summary>
    public const string CrawlerSchedule = Model.CrawlerSettings.AfterEtlWord;

    /// <summary>etl.schedule: jobs run when started by hand or by an event ("on_demand").</summary>
    public const string EtlSchedule = Model.Schedule.OnDemand;
    /// <summary>etl.glue_version.</summary>
    public const string GlueVersion = "4.0";
    /// <summary>etl.worker_type.</summary>
    public const string WorkerType = "G.1X";
    /// <summary>etl.workers: the number of workers (the maximum when auto_scaling is on).</summary>
    public const int Workers = 2;
    /// <summary>etl.auto_scaling: off.</summary>
    public const bool AutoScaling = false;
    /// <summary>etl.timeout_minutes: a job is stopped after 60 minutes (Glue's own default is 48 hours).</summary>
    public const int TimeoutMinutes = 60;
    /// <summary>etl.max_retries.</summary>
    public const int MaxRetries = 0;
    /// <summary>etl.max_concurrent_runs.</summary>
    public const int MaxConcurrentRuns = 1;
    /// <summary>etl.flex: off. Flex execution is refused in production environments.</summary>
    public const bool Flex = false;
    /// <summary>etl.job_bookmarks: off, so every run reprocesses the whole staging prefix.</summary>
    public const bool JobBookmarks = false;
    /// <summary>
    /// etl.tables_per_job: 1, a Glue job per table. Up to 50: a job cleans that many tables (with the same job settings)
    /// one after another in one Spark session, so a dataset of many tables stays within Glue's workflow and trigger limits.
    /// </summary>
    public const int TablesPerJob = 1;
    /// <summary>etl.event_driven: off. When on, files landing in staging start the workflow.</summary>
    public const bool EventDriven = false;
    /// <summary>etl.batch_window_minutes: with event_driven, wait up to 15 minutes to batch landed files (1 to 15: Glue batches for at most 900 seconds).</summary>
    public const int BatchWindowMinutes = 15;

    /// <summary>alerts.freshness_hours: alarm when no run has succeeded for 26 hours.</summary>
    public const int FreshnessHours = 26;
    /// <summary>alerts.dedicated_key: off, the alerts topic is encrypted with the dataset key. On: a key of its own.</summary>
    public const bool AlertsDedicatedKey = false;

    /// <summary>
    /// glue_catalog_encryption: off. On: the stack encrypts the account's Glue Data Catalog (one setting per account and
    /// region) with the dataset key, so the environment may deploy one dataset only.
    /// </summary>
    public const bool GlueCatalogEncryption = false;

    /// <summary>quicksight.enabled: off.</summary>
    public const bool QuickSightEnabled = false;

    /// <summary>parquet_compression of a dataset in pipeline.yaml: snappy, what Glue writes unless told otherwise.</summary>
    public const Model.ParquetCompression ParquetCompression = Model.ParquetCompression.Snappy;
}
