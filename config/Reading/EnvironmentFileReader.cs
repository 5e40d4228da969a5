using DataPipeline.Config.Model;

namespace DataPipeline.Config.Reading;

/// <summary>Maps the YAML of pipeline.&lt;env&gt;.yaml onto <see cref="EnvironmentConfig"/>, recording every error.</summary>
internal sealed class EnvironmentFileReader
{
    private const int TenYears = 3650;

    private static readonly Dictionary<string, RemovalChoice> Removal = new()
    {
        ["retain"] = RemovalChoice.Retain,
        ["destroy"] = RemovalChoice.Destroy,
    };

    public EnvironmentConfig Read(YamlSection root, EnvironmentDeclaration declaration)
    {
        var retention = root.Section("retention");
        var athena = root.Section("athena");
        var crawler = root.Section("crawler");
        var etl = root.Section("etl");
        var alerts = root.Section("alerts");
        var quickSight = root.Section("quicksight");
        var config = new EnvironmentConfig
        {
            Name = declaration.Name,
            Production = declaration.Production,
            Account = root.RequiredString("account"),
            Region = root.RequiredString("region"),
            RemovalPolicy = root.Choice("removal_policy", Removal) ?? RemovalChoice.Retain,
            Retention = retention is null ? new RetentionSettings() : ReadRetention(retention),
            Athena = athena is null ? new AthenaSettings() : ReadAthena(athena),
            Crawler = crawler is null ? new CrawlerSettings() : ReadCrawler(crawler),
            Etl = etl is null ? new EtlOptions { Origin = root.Origin } : ReadEtl(etl),
            Alerts = alerts is null ? new AlertSettings() : ReadAlerts(alerts),
            QuickSight = quickSight is null ? new QuickSightSettings() : ReadQuickSight(quickSight),
            Tags = root.StringMap("tags"),
            GlueCatalogEncryption = root.Bool("glue_catalog_encryption") ?? Defaults.GlueCatalogEncryption,
            Datasets = root.NamedSections("datasets").Select(d => ReadOverrides(d.Name, d.Section)).ToList(),
            Origin = root.Origin,
        };
        if (!root.Has("datasets"))
        {
            root.Error("datasets", "is missing; list the datasets this environment deploys, e.g. datasets: { spotify: {} }.");
        }
        root.Done();
        return config;
    }

    private static RetentionSettings ReadRetention(YamlSection section)
    {
        var settings = new RetentionSettings
        {
            StagingInfrequentAccessDays = section.Int("staging_infrequent_access_days", 30, TenYears, " days (S3 needs 30 or more)") ?? Defaults.StagingInfrequentAccessDays,
            StagingGlacierDays = section.Int("staging_glacier_days", 1, TenYears, " days") ?? Defaults.StagingGlacierDays,
            StagingExpirationDays = section.Int("staging_expiration_days", 1, TenYears, " days") ?? Defaults.StagingExpirationDays,
            NoncurrentVersionExpirationDays = section.Int("noncurrent_version_expiration_days", 1, TenYears, " days") ?? Defaults.NoncurrentVersionExpirationDays,
            AthenaResultsDays = section.Int("athena_results_days", 1, TenYears, " days") ?? Defaults.AthenaResultsDays,
            AccessLogsDays = section.Int("access_logs_days", 1, TenYears, " days") ?? Defaults.AccessLogsDays,
            LogRetentionDays = section.Int("log_retention_days", 1, TenYears, " days") ?? Defaults.LogRetentionDays,
        };
        if (settings.StagingGlacierDays <= settings.StagingInfrequentAccessDays)
        {
            section.Error("staging_glacier_days", $"is {settings.StagingGlacierDays}, but files must reach Glacier after they reach infrequent access ({settings.StagingInfrequentAccessDays} days); raise it.");
        }
        if (settings.StagingExpirationDays <= settings.StagingGlacierDays)
        {
            section.Error("staging_expiration_days", $"is {settings.StagingExpirationDays}, but files must expire after they reach Glacier ({settings.StagingGlacierDays} days); raise it.");
        }
        if (!LogRetention.IsAllowed(settings.LogRetentionDays))
        {
            section.Error("log_retention_days", $"is {settings.LogRetentionDays}, which CloudWatch Logs does not offer; use one of {string.Join(", ", LogRetention.AllowedDays)}.");
        }
        section.Done();
        return settings;
    }

    private static AthenaSettings ReadAthena(YamlSection section)
    {
        var settings = new AthenaSettings
        {
            BytesScannedCutoffMb = section.Int("bytes_scanned_cutoff_mb", Defaults.MinBytesScannedCutoffMb, 1_000_000_000, " MB (Athena's smallest cutoff is 10 MB)") ?? Defaults.BytesScannedCutoffMb,
        };
        section.Done();
        return settings;
    }

    private static CrawlerSettings ReadCrawler(YamlSection section)
    {
        var text = section.String("schedule") ?? Defaults.CrawlerSchedule;
        var settings = text == CrawlerSettings.AfterEtlWord
            ? new CrawlerSettings { AfterEtl = true }
            : new CrawlerSettings { AfterEtl = false, Schedule = ReadSchedule(section, "schedule") ?? Schedule.Parse(Schedule.OnDemand) };
        section.Done();
        return settings;
    }

    private static EtlOptions ReadEtl(YamlSection section)
    {
        var tables = section.NamedSections("tables").ToDictionary(t => t.Name, t => ReadJob(t.Section, allowNested: false));
        var options = new EtlOptions
        {
            Schedule = ReadSchedule(section, "schedule"),
            EventDriven = section.Bool("event_driven"),
            BatchWindowMinutes = section.Int("batch_window_minutes", 1, 15, " minutes (Glue batches events for 1 to 900 seconds)"),
            TablesPerJob = section.Int("tables_per_job", 1, EtlJobLayout.MaxJobsPerTrigger, " tables"),
            Job = ReadJob(section, allowNested: true),
            Tables = tables,
            Origin = section.Origin,
        };
        section.Done();
        return options;
    }

    private static JobOptions ReadJob(YamlSection section, bool allowNested)
    {
        var options = new JobOptions
        {
            GlueVersion = section.String("glue_version"),
            WorkerType = section.String("worker_type"),
            Workers = section.Int("workers", 1, 299),
            AutoScaling = section.Bool("auto_scaling"),
            TimeoutMinutes = section.Int("timeout_minutes", 1, 10_079, " minutes"),
            MaxRetries = section.Int("max_retries", 0, 10),
            MaxConcurrentRuns = section.Int("max_concurrent_runs", 1, 1000),
            Flex = section.Bool("flex"),
            JobBookmarks = section.Bool("job_bookmarks"),
            Origin = section.Origin,
        };
        if (!allowNested)
        {
            section.Done();
        }
        return options;
    }

    private static AlertSettings ReadAlerts(YamlSection section)
    {
        var emails = section.StringList("emails") ?? [];
        foreach (var email in emails.Where(e => !e.Contains('@', StringComparison.Ordinal)))
        {
            section.Error("emails", $"has '{email}', which is not an email address; fix or remove it.");
        }
        var settings = new AlertSettings
        {
            Emails = emails,
            FreshnessHours = section.Int("freshness_hours", 1, 168, " hours (CloudWatch alarms look back at most 7 days)") ?? Defaults.FreshnessHours,
            DedicatedKey = section.Bool("dedicated_key") ?? Defaults.AlertsDedicatedKey,
        };
        section.Done();
        return settings;
    }

    private static QuickSightSettings ReadQuickSight(YamlSection section)
    {
        var settings = new QuickSightSettings
        {
            Enabled = section.Bool("enabled") ?? Defaults.QuickSightEnabled,
            Principals = section.StringList("principals") ?? [],
        };
        foreach (var principal in settings.Principals.Where(p => !p.StartsWith("arn:aws:quicksight:", StringComparison.Ordinal)))
        {
            section.Error("principals", $"has '{principal}'; QuickSight principals are user or group ARNs (arn:aws:quicksight:<region>:<account>:group/default/<name>).");
        }
        section.Done();
        return settings;
    }

    private static DatasetOverrides ReadOverrides(string name, YamlSection section)
    {
        var athena = section.Section("athena");
        var crawler = section.Section("crawler");
        var etl = section.Section("etl");
        var overrides = new DatasetOverrides
        {
            Name = name,
            Athena = athena is null ? null : ReadAthena(athena),
            Crawler = crawler is null ? null : ReadCrawler(crawler),
            Etl = etl is null ? null : ReadEtl(etl),
            Origin = section.Origin,
        };
        section.Done();
        return overrides;
    }

    private static Schedule? ReadSchedule(YamlSection section, string key)
    {
        var text = section.String(key);
        if (text is null)
        {
            return null;
        }
        if (text == Schedule.OnDemand)
        {
            return Schedule.Parse(text);
        }
        var problem = CronExpression.Check(text);
        if (problem is not null)
        {
            section.Error(key, $"is '{text}': {problem}");
            return null;
        }
        return Schedule.Parse(text);
    }
}
