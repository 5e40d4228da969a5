using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model.Dashboards;

/// <summary>A sheet (tab) of a dashboard: visuals laid out left to right in a grid of <see cref="Columns"/> columns.</summary>
public sealed record SheetDefinition
{
    public required string Name { get; init; }
    public string? Title { get; init; }
    public int Columns { get; init; } = PipelineFileSettings.SheetColumns.DefaultValue;
    public required IReadOnlyList<VisualDefinition> Visuals { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;
}
