using DataPipeline.Config.Model;
using DataPipeline.Config.Settings;
using S = DataPipeline.Config.Settings.EnvironmentFileSettings;

namespace DataPipeline.Config.Reading;

/// <summary>Maps the YAML of pipeline.&lt;env&gt;.yaml onto <see cref="EnvironmentConfig"/>, recording every error.</summary>
internal sealed class EnvironmentFileReader
{
    public EnvironmentConfig Read(YamlSection root, EnvironmentDeclaration declaration)
    {
        var retention = root.Read(S.Retention);
        var athena = root.Read(S.Athena);
        var crawler = root.Read(S.Crawler);
        var etl = root.Read(S.Etl);
        var alerts = root.Read(S.Alerts);
        var quickSight = root.Read(S.QuickSight);
        var config = new EnvironmentConfig
        {
            Name = declaration.Name,
            Production = declaration.Production,
            Account = root.Read(S.Account) ?? "",
            Region = root.Read(S.Region) ?? "",
            RemovalPolicy = root.Read(S.RemovalPolicy) ?? S.RemovalPolicy.DefaultValue,
            Retention = retention is null ? new RetentionSettings() : ReadRetention(retention),
            Athena = athena is null ? new AthenaSettings() : ReadAthena(athena),
            Crawler = crawler is null ? new CrawlerSettings() : ReadCrawler(crawler),
            Etl = etl is null ? new EtlOptions { Origin = root.Origin } : ReadEtl(etl),
            Alerts = alerts is null ? new AlertSettings() : ReadAlerts(alerts),
            QuickSight = quickSight is null ? new QuickSightSettings() : ReadQuickSight(quickSight),
            Tags = root.Read(S.Tags),
            GlueCatalogEncryption = root.Read(S.GlueCatalogEncryption) ?? S.GlueCatalogEncryption.DefaultValue,
            Datasets = root.Read(S.Datasets).Select(d => ReadOverrides(d.Name, d.Section)).ToList(),
            Origin = root.Origin,
        };
        root.Done();
        return config;
    }

    private static RetentionSettings ReadRetention(YamlSection section)
    {
        var settings = new RetentionSettings
        {
            StagingInfrequentAccessDays = section.Read(S.StagingInfrequentAccessDays) ?? S.StagingInfrequentAccessDays.DefaultValue,
            StagingGlacierDays = section.Read(S.StagingGlacierDays) ?? S.StagingGlacierDays.DefaultValue,
            StagingExpirationDays = section.Read(S.StagingExpirationDays) ?? S.StagingExpirationDays.DefaultValue,
            NoncurrentVersionExpirationDays = section.Read(S.NoncurrentVersionExpirationDays) ?? S.NoncurrentVersionExpirationDays.DefaultValue,
            AthenaResultsDays = section.Read(S.AthenaResultsDays) ?? S.AthenaResultsDays.DefaultValue,
            AccessLogsDays = section.Read(S.AccessLogsDays) ?? S.AccessLogsDays.DefaultValue,
            LogRetentionDays = section.Read(S.LogRetentionDays) ?? S.LogRetentionDays.DefaultValue,
            Origin = section.Origin,
        };
        if (settings.StagingGlacierDays <= settings.StagingInfrequentAccessDays)
        {
            section.Error(S.StagingGlacierDays, $"is {settings.StagingGlacierDays}, but files must reach Glacier after they reach infrequent access ({settings.StagingInfrequentAccessDays} days); raise it.");
        }
        if (settings.StagingExpirationDays <= settings.StagingGlacierDays)
        {
            section.Error(S.StagingExpirationDays, $"is {settings.StagingExpirationDays}, but files must expire after they reach Glacier ({settings.StagingGlacierDays} days); raise it.");
        }
        section.Done();
        return settings;
    }

    private static AthenaSettings ReadAthena(YamlSection section)
    {
        var settings = new AthenaSettings { BytesScannedCutoffMb = section.Read(S.BytesScannedCutoffMb) ?? S.BytesScannedCutoffMb.DefaultValue };
        section.Done();
        return settings;
    }

    private static CrawlerSettings ReadCrawler(YamlSection section)
    {
        var settings = (section.Read(S.CrawlerSchedule) ?? S.CrawlerSchedule.DefaultValue) == CrawlerSettings.AfterEtlWord
            ? new CrawlerSettings { AfterEtl = true }
            : new CrawlerSettings { AfterEtl = false, Schedule = ReadSchedule(section, S.CrawlerSchedule) ?? Schedule.Parse(Schedule.OnDemand) };
        section.Done();
        return settings;
    }

    private static EtlOptions ReadEtl(YamlSection section)
    {
        var options = new EtlOptions
        {
            Schedule = ReadSchedule(section, S.EtlSchedule),
            EventDriven = section.Read(S.EventDriven),
            BatchWindowMinutes = section.Read(S.BatchWindowMinutes),
            TablesPerJob = section.Read(S.TablesPerJob),
            Job = ReadJob(section),
            Tables = section.Read(S.EtlTables).ToDictionary(t => t.Name, t => ReadTableJob(t.Section)),
            Origin = section.Origin,
        };
        section.Done();
        return options;
    }

    private static JobOptions ReadTableJob(YamlSection section)
    {
        var options = ReadJob(section);
        section.Done();
        return options;
    }

    private static JobOptions ReadJob(YamlSection section) => new()
    {
        GlueVersion = section.Read(S.GlueVersion),
        WorkerType = section.Read(S.WorkerType),
        Workers = section.Read(S.Workers),
        AutoScaling = section.Read(S.AutoScaling),
        TimeoutMinutes = section.Read(S.TimeoutMinutes),
        MaxRetries = section.Read(S.MaxRetries),
        MaxConcurrentRuns = section.Read(S.MaxConcurrentRuns),
        Flex = section.Read(S.Flex),
        Origin = section.Origin,
    };

    private static AlertSettings ReadAlerts(YamlSection section)
    {
        var emails = section.Read(S.Emails) ?? [];
        foreach (var email in emails.Where(e => !e.Contains('@', StringComparison.Ordinal)))
        {
            section.Error(S.Emails, $"has '{email}', which is not an email address; fix or remove it.");
        }
        var settings = new AlertSettings
        {
            Emails = emails,
            FreshnessHours = section.Read(S.FreshnessHours) ?? S.FreshnessHours.DefaultValue,
            DedicatedKey = section.Read(S.AlertsDedicatedKey) ?? S.AlertsDedicatedKey.DefaultValue,
        };
        section.Done();
        return settings;
    }

    private static QuickSightSettings ReadQuickSight(YamlSection section)
    {
        var settings = new QuickSightSettings
        {
            Enabled = section.Read(S.QuickSightEnabled) ?? S.QuickSightEnabled.DefaultValue,
            Principals = section.Read(S.QuickSightPrincipals) ?? [],
        };
        foreach (var principal in settings.Principals.Where(p => !p.StartsWith("arn:aws:quicksight:", StringComparison.Ordinal)))
        {
            section.Error(S.QuickSightPrincipals, $"has '{principal}'; QuickSight principals are user or group ARNs (arn:aws:quicksight:<region>:<account>:group/default/<name>).");
        }
        section.Done();
        return settings;
    }

    private static DatasetOverrides ReadOverrides(string name, YamlSection section)
    {
        var athena = section.Read(S.DatasetAthena);
        var crawler = section.Read(S.DatasetCrawler);
        var etl = section.Read(S.DatasetEtl);
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

    private static Schedule? ReadSchedule(YamlSection section, TextSetting setting)
    {
        var text = section.Read(setting);
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
            section.Error(setting, $"is '{text}': {problem}");
            return null;
        }
        return Schedule.Parse(text);
    }
}
