namespace DataPipeline.Config.Model;

/// <summary>A Hive-style partition column: a table column, or one derived from a column (release_year from release_date).</summary>
public sealed record PartitionColumn
{
    public required string Name { get; init; }
    /// <summary>The column it is derived from. Null: the partition column is the table column of the same name.</summary>
    public string? From { get; init; }
    public PartitionTransform Transform { get; init; } = PartitionTransform.Identity;
    public Origin Origin { get; init; } = Origin.Nowhere;

    public string SourceColumn => From ?? Name;
}
