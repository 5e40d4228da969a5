namespace DataPipeline.Config.Model;

/// <summary>A column of a cleaned table: its type, whether it is required, and its cleaning rules.</summary>
public sealed record ColumnDefinition
{
    public required string Name { get; init; }
    /// <summary>The name in the file: a CSV header name (matched ignoring case), a JSON key, or a folder key. Null: <see cref="Name"/>.</summary>
    public string? From { get; init; }
    public required ColumnType Type { get; init; }
    /// <summary>A row whose value is missing (after cleaning) is rejected. Default false.</summary>
    public bool Required { get; init; }
    /// <summary>A CSV file whose header lacks the column is read with it NULL instead of stopping the table. Default false.</summary>
    public bool OptionalInHeader { get; init; }
    /// <summary>Date or timestamp pattern in Spark notation (yyyy-MM-dd). Null: yyyy-MM-dd / yyyy-MM-dd HH:mm:ss.</summary>
    public string? Format { get; init; }
    public ColumnRules Rules { get; init; } = new();
    /// <summary>Texts that stand for a missing value in this column, instead of the source's. Null: the source's.</summary>
    public IReadOnlyList<string>? NullValues { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;

    /// <summary>The name the file uses for this column.</summary>
    public string SourceName => From ?? Name;
}
