using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Glue crawler settings. Keys and defaults: <see cref="Settings.EnvironmentFileSettings"/>.</summary>
public sealed record CrawlerSettings
{
    public Schedule Schedule { get; init; } = Schedule.Parse(EnvironmentFileSettings.CrawlerSchedule.DefaultValue);
}
