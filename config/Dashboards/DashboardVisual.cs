using DataPipeline.Config.Checks;
using DataPipeline.Config.Model.Dashboards;

namespace DataPipeline.Config.Dashboards;

/// <summary>A visual with its fields resolved to typed result columns of its query.</summary>
public sealed record DashboardVisual
{
    /// <summary>Unique in the dashboard: the sheet's name and the visual's place in it.</summary>
    public required string Id { get; init; }
    public required string Query { get; init; }
    public required VisualKind Kind { get; init; }
    public required string Title { get; init; }
    /// <summary>The category (bar, line, pie; heatmap columns). Null for kpi and table.</summary>
    public DescribedColumn? X { get; init; }
    /// <summary>The values, one series each (one for kpi, heatmap and pie). Empty for a table.</summary>
    public IReadOnlyList<DescribedColumn> Values { get; init; } = [];
    /// <summary>bar, line: the column splitting the value into series; heatmap: the rows.</summary>
    public DescribedColumn? Group { get; init; }
    /// <summary>Every result column of the query, in order (what a table shows).</summary>
    public required IReadOnlyList<DescribedColumn> Columns { get; init; }
    public Aggregation Aggregation { get; init; } = Aggregation.Sum;
    public BarOrientation Orientation { get; init; } = BarOrientation.Vertical;
    public BarArrangement Arrangement { get; init; } = BarArrangement.Grouped;
    /// <summary>Null: a table keeps the query's order.</summary>
    public SortOrder? Sort { get; init; }
    public int? Limit { get; init; }
    public int Width { get; init; } = 1;
}
