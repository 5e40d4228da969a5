namespace DataPipeline.Config.Model;

/// <summary>Cleaning and validation rules of a column, applied in this order: trim, lowercase, empty_as_null, type, min/max, allowed_values, regex.</summary>
public sealed record ColumnRules
{
    /// <summary>Strip leading and trailing spaces. Default false.</summary>
    public bool Trim { get; init; }
    /// <summary>Lower-case the text. Default false.</summary>
    public bool Lowercase { get; init; }
    /// <summary>Treat an empty text as missing. Default false (but numbers, dates and booleans always treat empty as missing).</summary>
    public bool EmptyAsNull { get; init; }
    /// <summary>Smallest allowed value (numbers) or length (strings). Null: no lower bound.</summary>
    public decimal? Min { get; init; }
    /// <summary>Largest allowed value (numbers) or length (strings). Null: no upper bound.</summary>
    public decimal? Max { get; init; }
    /// <summary>The only values allowed, compared as cleaned text. Empty: any value.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];
    /// <summary>A regular expression the cleaned text must match. Null: any text.</summary>
    public string? Regex { get; init; }
}
