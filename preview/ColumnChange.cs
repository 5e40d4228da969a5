namespace DataPipeline.Preview;

/// <summary>A warehouse column that the change adds, removes or retypes (DuckDB type names, as DESCRIBE shows them).</summary>
public sealed record ColumnChange
{
    public required string Name { get; init; }

    /// <summary>The type before; null when the column is new.</summary>
    public string? Before { get; init; }

    /// <summary>The type after; null when the column is removed.</summary>
    public string? After { get; init; }
}
