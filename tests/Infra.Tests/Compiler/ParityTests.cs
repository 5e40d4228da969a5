using System.Globalization;
using System.Text;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using DataPipeline.Tests.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>
/// The semantics contract: inputs on which Spark and DuckDB would decide differently with their own TRIM, LOWER, regex
/// and casts, the one decision the compiled plan makes on both, executed on DuckDB, and the portable construct the
/// Spark SQL uses for it. The README's contract table is produced from these cases.
/// </summary>
public sealed class ParityTests
{
    /// <summary>One input: the column, the text read from the file, the decision (a value, or a reject reason), why, and what the Spark SQL must use.</summary>
    public sealed record Case(string Input, ColumnDefinition Column, string Decision, string Why, string SparkUses);

    private static ColumnDefinition Text(ColumnRules rules, bool required = false) => Column("v", ColumnKind.String, rules, required);

    private static readonly ColumnRules Trimmed = new() { Trim = true };

    public static readonly IReadOnlyList<Case> Cases =
    [
        new("`\"a\\u00A0\"` (string, trim)", Text(Trimmed), "value `a\\u00A0`", "trim removes spaces and tabs only, not U+00A0, U+202F or U+3000 (DuckDB's TRIM would)", "TRIM(BOTH ' \\u0009' FROM"),
        new("`\"\\u00A0\"` (string, trim, required)", Text(Trimmed, required: true), "value `\\u00A0`", "a no-break space is text, not missing", "TRIM(BOTH ' \\u0009' FROM"),
        new("`\" \\t x \"` (string, trim)", Text(Trimmed), "value `x`", "spaces and tabs at both ends go", "TRIM(BOTH ' \\u0009' FROM"),
        new("`\"55\\u00A0\"` (int)", Column("v", ColumnKind.Int), "`bad_type:v`", "numbers are trimmed of spaces and tabs only", "TRIM(BOTH ' \\u0009' FROM"),
        new("`\"İSTANBUL\"` (string, lowercase)", Text(new ColumnRules { Lowercase = true }), "value `İstanbul`", "lowercase changes A-Z only (Spark's and DuckDB's LOWER differ on İ and final sigma)", "translate("),
        new("`\"ID\\u2028\"` (regex `^[A-Z]{2}$`)", Text(new ColumnRules { Regex = "^[A-Z]{2}$" }), "`pattern_mismatch:v`", "`$` is compiled to `\\z`, the very end (Java's `$` also matches before a final line break)", "RLIKE '^[A-Z]{2}\\\\z'"),
        new("`\"a\\rc\"` (regex `^a.c$`)", Text(new ColumnRules { Regex = "^a.c$" }), "value `a\\rc`", "`.` is compiled to `[^\\n]` (Java's `.` also skips \\r and U+2028)", "[^\\\\n]"),
        new("`\"1.5\"` (int)", Column("v", ColumnKind.Int), "`bad_type:v`", "an int is digits with an optional sign (Spark casts 1.5 to 1, DuckDB to 2)", "RLIKE '^[+-]?[0-9]+\\\\z'"),
        new("`\"1e400\"` (int)", Column("v", ColumnKind.Int), "`bad_type:v`", "no exponent in an int", "RLIKE '^[+-]?[0-9]+\\\\z'"),
        new("`\"12\\n\"` (int)", Column("v", ColumnKind.Int), "`bad_type:v`", "a number's shape ends at the very end (Java's `$` also matches before a final line break, and Spark's cast trims it)", "RLIKE '^[+-]?[0-9]+\\\\z'"),
        new("`\" 1 \"` (int)", Column("v", ColumnKind.Int), "value `1`", "numbers are always trimmed", "TRIM(BOTH ' \\u0009' FROM"),
        new("`\"+5\"` (int)", Column("v", ColumnKind.Int), "value `5`", "a leading + is allowed", "RLIKE '^[+-]?[0-9]+\\\\z'"),
        new("`\"1,000\"` (int)", Column("v", ColumnKind.Int), "`bad_type:v`", "no thousands separators", "RLIKE '^[+-]?[0-9]+\\\\z'"),
        new("`\"NaN\"` (double)", Column("v", ColumnKind.Double), "`bad_type:v`", "a double is decimal or scientific notation (both engines would read NaN)", "RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\\\\z'"),
        new("`\"1e400\"` (double)", Column("v", ColumnKind.Double), "`bad_type:v`", "infinity is not a double value (both engines cast 1e400 to Infinity)", "ABS(`v`) > 1.7976931348623157E308"),
        new("`\"1.005\"` (decimal(10,2))", Decimal("v", 10, 2), "value `1.01`", "rounded half away from zero, as both engines cast", "TRY_CAST(`_text_v` AS DECIMAL(10,2))"),
        new("`\"1500-06-01\"` (date)", Column("v", ColumnKind.Date), "value `1500-06-01`", "proleptic Gregorian on both (the Glue runner sets Spark's Parquet rebase modes to CORRECTED)", "to_date(`_text_v`, 'yyyy-MM-dd')"),
        new("`\"2023-02-29\"` (date)", Column("v", ColumnKind.Date), "`bad_type:v`", "no such day", "to_date(`_text_v`, 'yyyy-MM-dd')"),
        new("`\"\"` (string)", Text(new ColumnRules()), "value `` (empty text)", "an empty text stays a text unless empty_as_null", "`_raw_v` AS `_text_v`"),
        new("`\"\"` (string, empty_as_null)", Text(new ColumnRules { EmptyAsNull = true }), "NULL", "empty_as_null", "NULLIF("),
        new("`\"   \"` (int)", Column("v", ColumnKind.Int), "NULL", "an empty or blank number is missing", "NULLIF("),
        new("`\"YES\"` (boolean)", Column("v", ColumnKind.Boolean), "value `true`", "true/false, t/f, 1/0, yes/no, y/n in any case of A-Z", "translate("),
    ];

    public static TheoryData<int> Indexes()
    {
        var data = new TheoryData<int>();
        foreach (var i in Enumerable.Range(0, Cases.Count))
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void DuckDb_makes_the_contract_s_decision(int index)
    {
        var (input, column, decision, _, _) = Cases[index];
        using var run = DuckDbPlanRun.Of(Of(column), RawRow.Of(Unescape(input)));
        var record = run.Records().Single();
        Assert.Equal(decision, Decision(record[PlanColumns.RejectReason] as string, record["v"]));
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Spark_sql_uses_the_contract_s_portable_construct(int index)
    {
        var sql = SparkDialectTests.TypedSql(Of(Cases[index].Column), SqlDialect.Spark);
        Assert.Contains(Cases[index].SparkUses, sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_shows_the_contract_as_the_tests_check_it()
    {
        var table = new StringBuilder("| input (column) | decision on Spark and DuckDB | why |\n|---|---|---|\n");
        foreach (var c in Cases)
        {
            table.Append($"| {c.Input} | {c.Decision} | {c.Why} |\n");
        }
        Snapshot.Section(Path.Combine(RepoRoot.Path, "README.md"), "semantics", table.ToString());
    }

    /// <summary>The text between the quotes of a case's input, with \\uXXXX, \\t and \\r read.</summary>
    private static string Unescape(string input)
    {
        var quoted = input[(input.IndexOf('"') + 1)..input.LastIndexOf('"')];
        return System.Text.RegularExpressions.Regex.Unescape(quoted);
    }

    private static string Decision(string? reason, object? value) => reason is not null
        ? $"`{reason}`"
        : value switch
        {
            null => "NULL",
            "" => "value `` (empty text)",
            bool b => $"value `{(b ? "true" : "false")}`",
            DateOnly d => $"value `{d:yyyy-MM-dd}`",
            DateTime d => $"value `{d:yyyy-MM-dd}`",
            IFormattable f => $"value `{f.ToString(null, CultureInfo.InvariantCulture)}`",
            _ => $"value `{Escape(value.ToString()!)}`",
        };

    private static string Escape(string text) => string.Concat(text.Select(c => c switch
    {
        '\r' => "\\r",
        '\t' => "\\t",
        _ when c > '\x7e' && char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    }));
}
