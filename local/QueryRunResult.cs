using DataPipeline.Config.Model;

namespace DataPipeline.Local;

/// <summary>The result of one saved query, as written to queries/&lt;name&gt;.csv.</summary>
public sealed record QueryRunResult
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required ChartKind Chart { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    /// <summary>The first rows (at most <see cref="RowsKept"/>), values as DuckDB returned them (null for SQL NULL); all are in the CSV.</summary>
    public required IReadOnlyList<object?[]> Rows { get; init; }
    /// <summary>Rows of the whole result.</summary>
    public required long RowCount { get; init; }
    /// <summary>Rows a run keeps in memory for the report: as many as a dashboard embeds.</summary>
    public const int RowsKept = 20_000;
    public required TimeSpan Elapsed { get; init; }
}
