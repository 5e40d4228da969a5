namespace DataPipeline.Local;

/// <summary>A derived table written to the warehouse.</summary>
public sealed record DerivedRunResult
{
    public required string Table { get; init; }
    public required long Rows { get; init; }
    public required long ParquetBytes { get; init; }
    public required TimeSpan Elapsed { get; init; }
}
