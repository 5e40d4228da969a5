namespace DataPipeline.Compiler;

/// <summary>A step written to the warehouse bucket, as its <see cref="Mode"/> says.</summary>
public sealed record PlanOutput
{
    /// <summary>The step whose rows are written.</summary>
    public required string View { get; init; }
    /// <summary>Folder relative to the warehouse bucket root, ending in '/', e.g. "data-warehouse/albums/".</summary>
    public required string Path { get; init; }
    /// <summary>Hive-style partition columns. Empty: not partitioned.</summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];
    public required OutputFormat Format { get; init; }
    /// <summary>Parquet outputs only: the codec, as Spark and DuckDB name it ("snappy", "zstd" or "gzip").</summary>
    public string? Compression { get; init; }
    public required OutputMode Mode { get; init; }
    /// <summary><see cref="OutputMode.Merge"/> only: the step of the rows to write again, from the files being rewritten.</summary>
    public string? Kept { get; init; }
    /// <summary><see cref="OutputMode.Merge"/> only: the step listing (_file) the files that hold replaced rows.</summary>
    public string? RemovedFiles { get; init; }
}
