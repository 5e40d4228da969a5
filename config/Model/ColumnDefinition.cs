namespace DataPipeline.Config.Model;

/// <summary>A column of a cleaned table: its type, whether it is required, and its cleaning rules.</summary>
public sealed record ColumnDefinition
{
    public required string Name { get; init; }
    public required ColumnType Type { get; init; }
    /// <summary>A row whose value is missing (after cleaning) is rejected. Default false.</summary>
    public bool Required { get; init; }
    /// <summary>Date or timestamp pattern in Spark notation (yyyy-MM-dd). Null: yyyy-MM-dd / yyyy-MM-dd HH:mm:ss.</summary>
    public string? Format { get; init; }
    public ColumnRules Rules { get; init; } = new();
    public Origin Origin { get; init; } = Origin.Nowhere;
}
