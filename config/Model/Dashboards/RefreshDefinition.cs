using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model.Dashboards;

/// <summary>When QuickSight re-imports the SPICE datasets of a dashboard.</summary>
public sealed record RefreshDefinition
{
    public RefreshInterval Every { get; init; } = PipelineFileSettings.RefreshEvery.DefaultValue;
    /// <summary>Time of day, HH:MM, in <see cref="Timezone"/>; not used by hourly refreshes.</summary>
    public string At { get; init; } = PipelineFileSettings.RefreshAt.DefaultValue;
    public string Timezone { get; init; } = PipelineFileSettings.RefreshTimezone.DefaultValue;
    /// <summary>Weekly: a weekday (monday...); monthly: a day of the month (1 to 31). Null: monday, or 1.</summary>
    public string? Day { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;
}
