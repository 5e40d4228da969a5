namespace DataPipeline.Local;

/// <summary>A derived table written to the warehouse.</summary>
public sealed record DerivedRunResult
{
    public required string Table { get; init; }
    public required long Rows { get; init; }
    public required long ParquetBytes { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>False when none of its inputs changed, so the table was kept as the last run built it.</summary>
    public bool Rebuilt { get; init; } = true;
}
