using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>A table computed by SQL (etl/&lt;dataset&gt;/*.sql) from cleaned tables, referenced by name.</summary>
public sealed record DerivedTableDefinition
{
    public required string Name { get; init; }
    /// <summary>Path of the SQL file, relative to the project root.</summary>
    public required string SqlFile { get; init; }
    /// <summary>The cleaned tables the SQL reads; the job may read only these.</summary>
    public required IReadOnlyList<string> DependsOn { get; init; }
    /// <summary>Partition columns of the output; they must be columns the SQL returns. Empty: not partitioned.</summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];
    /// <summary>Codec of the table's Parquet files: the dataset's parquet_compression.</summary>
    public ParquetCompression Compression { get; init; } = PipelineFileSettings.ParquetCompression.DefaultValue;
    public Origin Origin { get; init; } = Origin.Nowhere;
}
