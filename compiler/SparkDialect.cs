using System.Globalization;
using DataPipeline.Config.Model;

namespace DataPipeline.Compiler;

/// <summary>
/// Spark SQL 3.3+. String literals are unescaped by Spark's parser (spark.sql.parser.escapedStringLiterals is
/// false by default), so backslashes and quotes are escaped with a backslash. Date parsing relies on the runner
/// setting spark.sql.legacy.timeParserPolicy=CORRECTED and spark.sql.ansi.enabled=false (bad values give NULL).
/// See https://spark.apache.org/docs/latest/sql-ref-literals.html and sql-ref-datetime-pattern.html.
/// </summary>
public sealed class SparkDialect : SqlDialect
{
    public override string Name => "spark";

    public override string TextType => "STRING";

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    public override string Literal(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    public override string RegexMatches(string expression, string regex) => $"{expression} RLIKE {Literal(regex)}";

    public override string ParseDate(string expression, string pattern) => $"to_date({expression}, {Literal(pattern)})";

    public override string ParseTimestamp(string expression, string pattern) => $"to_timestamp({expression}, {Literal(pattern)})";

    public override string TypeName(ColumnType type) => type.Kind switch
    {
        ColumnKind.String => "STRING",
        ColumnKind.Int => "INT",
        ColumnKind.Bigint => "BIGINT",
        ColumnKind.Double => "DOUBLE",
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Date => "DATE",
        ColumnKind.Timestamp => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown column type."),
    };
}
