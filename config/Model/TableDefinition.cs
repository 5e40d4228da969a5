using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>A table cleaned from raw staging files into the warehouse.</summary>
public sealed record TableDefinition
{
    public required string Name { get; init; }
    public required SourceFormat Source { get; init; }
    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }
    /// <summary>Columns that identify a row; duplicates by key are dropped. Empty: no de-duplication.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];
    /// <summary>Which duplicate wins: the first row in this order. Empty: ties broken by the row's values.</summary>
    public IReadOnlyList<SortKey> OrderBy { get; init; } = [];
    public IReadOnlyList<PartitionColumn> PartitionBy { get; init; } = [];
    /// <summary>A user's own Glue script for this table, relative to the project root. Null: the generic runner.</summary>
    public string? Script { get; init; }
    /// <summary>Codec of the table's Parquet files: the dataset's parquet_compression.</summary>
    public ParquetCompression Compression { get; init; } = PipelineFileSettings.ParquetCompression.DefaultValue;
    public Origin Origin { get; init; } = Origin.Nowhere;

    public ColumnDefinition? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
