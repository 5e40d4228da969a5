namespace DataPipeline.Components.Dashboards;

/// <summary>A dashboard: its sheets and filters over the datasets it names.</summary>
public sealed record QuickSightDashboard
{
    public required string DashboardId { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<QuickSightSheet> Sheets { get; init; }
    public IReadOnlyList<QuickSightFilter> Filters { get; init; } = [];
    /// <summary>The identifiers of the datasets its visuals read, each a <see cref="QueryDataSet.Identifier"/> of the props.</summary>
    public required IReadOnlyList<string> DataSets { get; init; }
}
