using System.Globalization;
using DataPipeline.Config;
using DataPipeline.Config.Model;

namespace DataPipeline.Compiler;

/// <summary>
/// DuckDB. String literals are standard SQL: a quote is doubled and backslashes are plain characters. Dates are
/// parsed with TRY_STRPTIME, whose pattern is the Spark pattern translated by <see cref="DatePattern"/>.
/// See https://duckdb.org/docs/sql/functions/dateformat.
/// </summary>
public sealed class DuckDbDialect : SqlDialect
{
    public override string Name => "duckdb";

    public override string TextType => "VARCHAR";

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public override string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    public override string RegexMatches(string expression, string regex) => $"regexp_matches({expression}, {Literal(regex)})";

    public override string ParseDate(string expression, string pattern) =>
        $"CAST(TRY_STRPTIME({expression}, {Literal(DatePattern.ToStrftime(pattern))}) AS DATE)";

    public override string ParseTimestamp(string expression, string pattern) =>
        $"TRY_STRPTIME({expression}, {Literal(DatePattern.ToStrftime(pattern))})";

    public override string TypeName(ColumnType type) => type.Kind switch
    {
        ColumnKind.String => "VARCHAR",
        ColumnKind.Int => "INTEGER",
        ColumnKind.Bigint => "BIGINT",
        ColumnKind.Double => "DOUBLE",
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Date => "DATE",
        ColumnKind.Timestamp => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown column type."),
    };
}
