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
    /// <summary>Columns whose values come from Hive-style folders of the file's path (league=premier/) instead of the file.</summary>
    public IReadOnlyList<string> FolderColumns { get; init; } = [];
    /// <summary>A string column added to the table holding each row's staging file (path under staging/&lt;table&gt;/). Null: none.</summary>
    public string? FileColumn { get; init; }
    /// <summary>A run whose share of rejected rows is larger fails the table (0 to 1). Null: no limit.</summary>
    public decimal? MaxRejectShare { get; init; }
    /// <summary>Codec of the table's Parquet files: the dataset's parquet_compression.</summary>
    public ParquetCompression Compression { get; init; } = PipelineFileSettings.ParquetCompression.DefaultValue;
    public Origin Origin { get; init; } = Origin.Nowhere;

    public ColumnDefinition? Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public bool IsFolderColumn(ColumnDefinition column) => FolderColumns.Contains(column.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The columns read from the file itself, in file order (folder columns excluded).</summary>
    public IEnumerable<ColumnDefinition> ColumnsInFile => Columns.Where(c => !IsFolderColumn(c));
}
