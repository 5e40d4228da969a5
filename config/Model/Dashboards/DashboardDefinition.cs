using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model.Dashboards;

/// <summary>A dashboard as written under a dataset's dashboards: its sheets, filters and how QuickSight reads its data.</summary>
public sealed record DashboardDefinition
{
    public required string Name { get; init; }
    public string? Title { get; init; }
    public ImportMode ImportMode { get; init; } = PipelineFileSettings.DashboardImportMode.DefaultValue;
    /// <summary>SPICE only: when the datasets are re-imported. Null: the defaults of <see cref="RefreshDefinition"/>.</summary>
    public RefreshDefinition? Refresh { get; init; }
    public IReadOnlyList<FilterDefinition> Filters { get; init; } = [];
    public required IReadOnlyList<SheetDefinition> Sheets { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;
}
