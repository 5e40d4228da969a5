using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Glue crawler settings. Keys and defaults: <see cref="Settings.EnvironmentFileSettings"/>.</summary>
public sealed record CrawlerSettings
{
    /// <summary>The word of crawler.schedule that lets the ETL workflow start the crawler once its jobs succeeded.</summary>
    public const string AfterEtlWord = "after_etl";

    /// <summary>True: the workflow starts the crawler after its jobs, and the crawler has no schedule of its own.</summary>
    public bool AfterEtl { get; init; } = EnvironmentFileSettings.CrawlerSchedule.DefaultValue == AfterEtlWord;
    /// <summary>The crawler's own schedule when <see cref="AfterEtl"/> is false.</summary>
    public Schedule Schedule { get; init; } = Schedule.Parse(Schedule.OnDemand);
}
