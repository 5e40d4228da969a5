namespace DataPipeline.Config.Model;

/// <summary>Glue crawler settings. Defaults: <see cref="Defaults"/>.</summary>
public sealed record CrawlerSettings
{
    public Schedule Schedule { get; init; } = Schedule.Parse(Defaults.CrawlerSchedule);
}
