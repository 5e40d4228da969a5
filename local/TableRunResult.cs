using DataPipeline.Config.Model;

namespace DataPipeline.Local;

/// <summary>What cleaning one table did: the metrics of its plan and the bytes read and written.</summary>
public sealed record TableRunResult
{
    public required string Table { get; init; }
    public required long RowsRead { get; init; }
    public required long RowsWritten { get; init; }
    public required long RowsRejected { get; init; }
    public required long DuplicatesDropped { get; init; }
    /// <summary>Rejected rows per reason ("bad_type:release_date"), ordered by reason.</summary>
    public required IReadOnlyDictionary<string, long> RejectedByReason { get; init; }
    public required long StagingBytes { get; init; }
    /// <summary>Bytes of the table's Parquet files in data-warehouse/&lt;table&gt;/.</summary>
    public required long ParquetBytes { get; init; }
    /// <summary>The codec of those files, the dataset's parquet_compression.</summary>
    public required ParquetCompression Compression { get; init; }
    public required TimeSpan Elapsed { get; init; }
}
