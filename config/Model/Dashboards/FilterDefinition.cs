using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model.Dashboards;

/// <summary>A dashboard-level filter on a column that its queries return.</summary>
public sealed record FilterDefinition
{
    public required string Column { get; init; }
    public FilterControl Control { get; init; } = PipelineFileSettings.FilterControl.DefaultValue;
    public string? Title { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public decimal Step { get; init; } = PipelineFileSettings.FilterStep.Default!.Value;
    public Origin Origin { get; init; } = Origin.Nowhere;
}
