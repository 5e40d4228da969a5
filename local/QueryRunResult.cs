using DataPipeline.Config.Model;

namespace DataPipeline.Local;

/// <summary>The result of one saved query, as written to queries/&lt;name&gt;.csv.</summary>
public sealed record QueryRunResult
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required ChartKind Chart { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    /// <summary>Values as DuckDB returned them (null for SQL NULL).</summary>
    public required IReadOnlyList<object?[]> Rows { get; init; }
    public required TimeSpan Elapsed { get; init; }
}
