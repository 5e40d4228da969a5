namespace DataPipeline.Components.Dashboards;

/// <summary>One visual of a sheet: its chart type, the dataset it reads and its field wells.</summary>
public sealed record QuickSightVisual
{
    public required string VisualId { get; init; }
    public required string Title { get; init; }
    public required ChartType Chart { get; init; }
    /// <summary>The <see cref="QueryDataSet.Identifier"/> of its dataset.</summary>
    public required string DataSet { get; init; }
    /// <summary>Category (bar, line, pie) or heatmap columns; null for kpi and table.</summary>
    public QuickSightColumn? Category { get; init; }
    /// <summary>Measures (kpi, heatmap and pie: one); for a table, the columns it lists.</summary>
    public required IReadOnlyList<QuickSightColumn> Values { get; init; }
    /// <summary>Colors of a bar or line; the rows of a heatmap. Null: none.</summary>
    public QuickSightColumn? Color { get; init; }
    /// <summary>SimpleNumericalAggregation of the measures: SUM, AVERAGE, MIN, MAX, COUNT, DISTINCT_COUNT or MEDIAN.</summary>
    public string Aggregation { get; init; } = "SUM";
    public bool Horizontal { get; init; }
    public bool Stacked { get; init; }
    /// <summary>The column sorted by (the category or a value); null: QuickSight's own order (a table: unsorted).</summary>
    public string? SortBy { get; init; }
    public bool SortDescending { get; init; }
    /// <summary>At most this many categories (a table: rows per page). Null: all.</summary>
    public int? Limit { get; init; }
    /// <summary>How many of the sheet's grid columns it spans. Default 1.</summary>
    public int Width { get; init; } = 1;
}
