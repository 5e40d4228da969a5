using DataPipeline.Config.Model.Dashboards;

namespace DataPipeline.Config.Dashboards;

/// <summary>
/// A dashboard with every default resolved against the described result columns of its queries: what QuickSight
/// deploys and what the local report draws, from the same record.
/// </summary>
public sealed record Dashboard
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required ImportMode ImportMode { get; init; }
    /// <summary>SPICE only: when the datasets are re-imported.</summary>
    public required RefreshDefinition Refresh { get; init; }
    public required IReadOnlyList<DashboardFilter> Filters { get; init; }
    public required IReadOnlyList<DashboardSheet> Sheets { get; init; }

    public IEnumerable<DashboardVisual> Visuals => Sheets.SelectMany(s => s.Visuals);

    /// <summary>The saved queries its visuals show, each once, in the order they first appear.</summary>
    public IReadOnlyList<string> Queries => Visuals.Select(v => v.Query).Distinct(StringComparer.Ordinal).ToList();
}
