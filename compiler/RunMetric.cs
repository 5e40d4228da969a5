namespace DataPipeline.Compiler;

/// <summary>
/// The metric names of the metrics view. Every record is accounted for: lines_read = header_lines + rows_read, and
/// rows_read = rows_written + rows_rejected + duplicates_dropped (a row that loses to the version the warehouse already
/// holds is a duplicate dropped); one 'rejected' row per reason carries that reason's count, and one 'file_rows' row
/// per file read names it with its records.
/// </summary>
public static class RunMetric
{
    /// <summary>Files read.</summary>
    public const string FilesRead = "files_read";
    /// <summary>Lines (JSON array elements) read that are not blank.</summary>
    public const string LinesRead = "lines_read";
    /// <summary>CSV header lines skipped (the first of each file, and later lines equal to it).</summary>
    public const string HeaderLines = "header_lines";
    /// <summary>Records: lines that are neither blank nor a header.</summary>
    public const string RowsRead = "rows_read";
    public const string RowsWritten = "rows_written";
    public const string RowsRejected = "rows_rejected";
    public const string DuplicatesDropped = "duplicates_dropped";
    public const string Rejected = "rejected";
    /// <summary>Warehouse rows replaced by newer versions of their key (counted in rows_written as well).</summary>
    public const string RowsReplaced = "rows_replaced";
    public const string FileRows = "file_rows";
    /// <summary>
    /// Files read whose CSV header lacks an optional_in_header column, so their rows have it NULL: one row per such
    /// column (reason: the name the header lacks, the column's from: or name; rows: the number of files).
    /// </summary>
    public const string ColumnMissing = "column_missing";
    /// <summary>
    /// Glue only: new staging files skipped because S3 holds them in an archive storage class a run cannot read
    /// (Glacier Flexible Retrieval or Deep Archive without a finished restore, Intelligent-Tiering's archive tiers);
    /// one row per run, 0 when none.
    /// </summary>
    public const string FilesArchived = "files_archived";
}
