namespace DataPipeline.Compiler;

/// <summary>
/// The metric names of the metrics view. rows_read = rows_written + rows_rejected + duplicates_dropped; one
/// 'rejected' row per reason carries that reason's count.
/// </summary>
public static class RunMetric
{
    public const string RowsRead = "rows_read";
    public const string RowsWritten = "rows_written";
    public const string RowsRejected = "rows_rejected";
    public const string DuplicatesDropped = "duplicates_dropped";
    public const string Rejected = "rejected";
}
