using DataPipeline.Config.Model;

namespace DataPipeline.Local;

/// <summary>
/// What cleaning one table did: the accounting of its plan's metrics (lines_read = header_lines + rows_read, and
/// rows_read = rows_written + rows_rejected + duplicates_dropped), the bytes read and written, and what to look at.
/// </summary>
public sealed record TableRunResult
{
    public required string Table { get; init; }
    /// <summary>New or changed staging files read this run.</summary>
    public required long FilesRead { get; init; }
    /// <summary>Staging files the ledger holds as processed by an earlier run, not read again.</summary>
    public long FilesAlreadyProcessed { get; init; }
    /// <summary>Lines (or JSON array elements) read that are not blank, header lines included.</summary>
    public required long LinesRead { get; init; }
    public required long HeaderLines { get; init; }
    public required long RowsRead { get; init; }
    /// <summary>Rows this run added to the warehouse table: new keys, and new versions of keys it held.</summary>
    public required long RowsWritten { get; init; }
    /// <summary>Of <see cref="RowsWritten"/>, those that replaced an older version of their key.</summary>
    public long RowsReplaced { get; init; }
    /// <summary>Rows the warehouse table holds after the run.</summary>
    public long WarehouseRows { get; init; }
    public required long RowsRejected { get; init; }
    public required long DuplicatesDropped { get; init; }
    /// <summary>Rejected rows per reason ("bad_type:release_date"), ordered by reason.</summary>
    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }
    public required long StagingBytes { get; init; }
    /// <summary>Bytes of the table's Parquet files in data-warehouse/&lt;table&gt;/.</summary>
    public required long ParquetBytes { get; init; }
    /// <summary>The codec of those files, the dataset's parquet_compression.</summary>
    public required ParquetCompression Compression { get; init; }
    /// <summary>Files under the table's folder that the file pattern does not select (paths under the folder).</summary>
    public IReadOnlyList<string> IgnoredFiles { get; init; } = [];
    /// <summary>Things worth a look that did not stop the run: empty files, a table without rows.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public required TimeSpan Elapsed { get; init; }

    /// <summary>True when every line is a header or a record, and every record was written, rejected or dropped as a duplicate.</summary>
    public bool Balanced => LinesRead == HeaderLines + RowsRead && RowsRead == RowsWritten + RowsRejected + DuplicatesDropped;
}
