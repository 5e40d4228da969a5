using System.Text.RegularExpressions;
using DataPipeline.Config.Model;

namespace DataPipeline.Config.Checks;

/// <summary>Types as DuckDB names them, as Glue and Athena name them, and as the warehouse may hold them.</summary>
public static partial class CatalogTypes
{
    /// <summary>The Glue/Athena name of a DuckDB type.</summary>
    public static string FromDuckDb(string duckDbType) => duckDbType.ToUpperInvariant() switch
    {
        "VARCHAR" => "string",
        "INTEGER" => "int",
        "BIGINT" => "bigint",
        "SMALLINT" => "smallint",
        "TINYINT" => "tinyint",
        "HUGEINT" => "decimal(38,0)",
        "DOUBLE" => "double",
        "FLOAT" => "float",
        "BOOLEAN" => "boolean",
        "DATE" => "date",
        "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "timestamp",
        var other when other.StartsWith("DECIMAL", StringComparison.Ordinal) => other.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal),
        var other => other.ToLowerInvariant(),
    };

    /// <summary>
    /// The warehouse column type a derived table's DuckDB result type is written as, on every engine; null for a type
    /// the warehouse does not hold. A DuckDB HUGEINT (SUM of integers) becomes bigint, what Spark's SUM gives.
    /// </summary>
    public static ColumnType? ForWarehouse(string duckDbType) => duckDbType.ToUpperInvariant() switch
    {
        "VARCHAR" => new ColumnType(ColumnKind.String),
        "INTEGER" or "SMALLINT" or "TINYINT" => new ColumnType(ColumnKind.Int),
        "BIGINT" or "HUGEINT" => new ColumnType(ColumnKind.Bigint),
        "DOUBLE" or "FLOAT" => new ColumnType(ColumnKind.Double),
        "BOOLEAN" => new ColumnType(ColumnKind.Boolean),
        "DATE" => new ColumnType(ColumnKind.Date),
        "TIMESTAMP" => new ColumnType(ColumnKind.Timestamp),
        var other when Decimal().Match(other) is { Success: true } m =>
            new ColumnType(ColumnKind.Decimal, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>The Glue/Athena name of a warehouse column type.</summary>
    public static string Of(ColumnType type) => type.ToString();

    /// <summary>The warehouse column type of a Glue/Athena type name written by <see cref="Of"/>.</summary>
    public static ColumnType Parse(string type) => Decimal().Match(type.ToUpperInvariant()) is { Success: true } m
        ? new ColumnType(ColumnKind.Decimal, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))
        : new ColumnType(Enum.Parse<ColumnKind>(type, ignoreCase: true));

    [GeneratedRegex(@"^DECIMAL\((\d{1,2}),\s*(\d{1,2})\)$")]
    private static partial Regex Decimal();
}
