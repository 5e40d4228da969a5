using System.Globalization;
using DataPipeline.Compiler.Internal;
using DataPipeline.Config.Model;

namespace DataPipeline.Compiler;

/// <summary>
/// Spark SQL 3.3+. String literals are unescaped by Spark's parser (spark.sql.parser.escapedStringLiterals is
/// false by default), so backslashes and quotes are escaped with a backslash. Date parsing relies on the runner
/// setting spark.sql.legacy.timeParserPolicy=CORRECTED and spark.sql.ansi.enabled=false (bad values give NULL).
/// See https://spark.apache.org/docs/latest/sql-ref-literals.html and https://spark.apache.org/docs/latest/api/sql/.
/// </summary>
public sealed class SparkDialect : SqlDialect
{
    public override string Name => "spark";

    public override string TextType => "STRING";

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    /// <summary>Backslash escapes; characters that do not show (tabs, line ends, a byte-order mark) as \uXXXX, which Spark unescapes.</summary>
    public override string Literal(string text)
    {
        var escaped = new System.Text.StringBuilder("'");
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                _ when Invisible.Is(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return escaped.Append('\'').ToString();
    }

    public override string RegexMatches(string expression, string regex) => $"{expression} RLIKE {Literal(regex)}";

    public override string RegexMatchList(string expression, string regex) => $"regexp_extract_all({expression}, {Literal(regex)}, 0)";

    public override string RepeatWithoutGivingBack => "*+";

    // split takes a regex; -1 keeps empty parts at the end, as DuckDB's string_split does.
    public override string SplitOn(string expression, char separator) => $"split({expression}, {Literal(RegexText.Escape(separator))}, -1)";

    public override string Transform(string list, string variable, string body) => $"transform({list}, {variable} -> {body})";

    // element_at is 1-based and, with ANSI mode off, NULL past the end.
    public override string Element(string list, string position) => $"element_at({list}, {position})";

    public override string Size(string list) => $"size({list})";

    // array_position returns a BIGINT, and element_at takes only an INT index (ElementAt.checkInputDataTypes in Spark's
    // collectionOperations.scala): https://spark.apache.org/docs/latest/api/sql/index.html#array_position
    public override string Position(string list, string value) => $"CAST(NULLIF(array_position({list}, {value}), 0) AS INT)";

    public override string CountEqual(string list, string value) => $"size(filter({list}, element -> element = {value}))";

    // slice is 1-based and gives an empty array for a count of 0 or a start past the end.
    public override string WithoutFirst(string list) => $"slice({list}, 2, {Size(list)} - 1)";

    public override string WithoutLast(string list) => $"slice({list}, 1, {Size(list)} - 1)";

    public override string ListOf(string element) => $"array({element})";

    public override string Concat(params string[] lists) => $"concat({string.Join(", ", lists)})";

    public override string LowerAscii(string expression) => $"translate({expression}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

    // startswith is a function from Spark 3.3 on (Glue 4.0).
    public override string StartsWith(string expression, string prefix) => $"startswith({expression}, {prefix})";

    public override string EndsWith(string expression, string suffix) => $"endswith({expression}, {suffix})";

    public override string Join(string list, string separator) => $"array_join({list}, {Literal(separator)})";

    // json_object_keys is NULL for anything but a valid JSON object.
    public override string IsJsonObject(string expression) => $"coalesce(json_object_keys({expression}) IS NOT NULL, false)";

    public override string JsonText(string expression, string key) =>
        $"get_json_object({expression}, {Literal(SparkJsonPath.Of(key) ?? throw new ArgumentException($"Spark cannot name the JSON key '{key}' in a path; the configuration refuses it.", nameof(key)))})";

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
