namespace DataPipeline.Local.Engine;

/// <summary>What the Glue crawler records for one warehouse table.</summary>
internal sealed record CatalogTable
{
    /// <summary>tbl_&lt;table&gt;, as the crawler names it.</summary>
    public required string Name { get; init; }
    /// <summary>Folder relative to the dataset's output folder, e.g. "data-warehouse/albums/".</summary>
    public required string Location { get; init; }
    public string Format { get; init; } = "parquet";
    public required IReadOnlyList<CatalogColumn> Columns { get; init; }
    public IReadOnlyList<CatalogColumn> PartitionKeys { get; init; } = [];
}
