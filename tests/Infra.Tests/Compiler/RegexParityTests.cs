using DataPipeline.Compiler;
using DataPipeline.Compiler.Internal;
using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>
/// The regexes both dialects share, matched by java.util.regex (the engine behind Spark's RLIKE and
/// regexp_extract_all, run with a Spark task's 1 MB stack) and by DuckDB's RE2: the same answers on the same texts.
/// </summary>
public class RegexParityTests
{
    /// <summary>The CSV grammar of a three-column table with this delimiter and quote, as the dialect writes it.</summary>
    private static RecordSql Csv(SqlDialect dialect, string delimiter = ",", string quote = "\"") => new(
        Of(Column("a", ColumnKind.String), Column("b", ColumnKind.String), Column("c", ColumnKind.String)) with
        {
            Source = new SourceFormat { Kind = SourceKind.Csv, Delimiter = delimiter, Quote = quote },
        },
        dialect);

    private static List<string> RandomLines(string delimiter, string quote)
    {
        var random = new Random(20261204);
        var alphabet = $"a{delimiter}{quote} é";
        return Enumerable.Range(0, 3000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .Distinct()
            .ToList();
    }

    /// <summary>What RE2 says, in JavaRegexRunner's spelling: "true"/"false" for a find, "=" and base64 matches for all.</summary>
    private static List<string> Re2(IReadOnlyList<(string Pattern, string Text)> requests, bool all)
    {
        using var session = new DuckDbSession(":memory:");
        session.Execute("CREATE TABLE requests (i VARCHAR, pattern VARCHAR, text VARCHAR)");
        session.Append("requests", requests.Select((r, i) => new object?[] { i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), r.Pattern, r.Text }));
        var answer = all
            ? "'=' || array_to_string(list_transform(regexp_extract_all(text, pattern), m -> to_base64(encode(m))), ',')"
            : "CAST(regexp_matches(text, pattern) AS VARCHAR)";
        return session.Query($"SELECT {answer} FROM requests ORDER BY i").Rows.Select(r => (string)r[0]!).ToList();
    }

    [Theory]
    [InlineData(",", "\"")]
    [InlineData("|", "'")]
    [InlineData("\t", "\"")]
    public void Java_and_re2_tile_csv_lines_into_the_same_fields(string delimiter, string quote)
    {
        var lines = RandomLines(delimiter, quote);
        var spark = Csv(SqlDialect.Spark, delimiter, quote).FieldThenDelimiter;
        var duckDb = Csv(SqlDialect.DuckDb, delimiter, quote).FieldThenDelimiter;

        Assert.Equal(Re2(lines.Select(l => (duckDb, l + delimiter)).ToList(), all: true), JavaRegexRunner.All(lines.Select(l => (spark, l + delimiter))));
    }

    [Theory]
    [InlineData(",", "\"")]
    [InlineData("|", "'")]
    [InlineData("\t", "\"")]
    public void Java_and_re2_agree_on_which_csv_lines_follow_the_grammar(string delimiter, string quote)
    {
        var lines = RandomLines(delimiter, quote);
        var spark = Csv(SqlDialect.Spark, delimiter, quote).Grammar;
        var duckDb = Csv(SqlDialect.DuckDb, delimiter, quote).Grammar;

        Assert.Equal(Re2(lines.Select(l => (duckDb, l)).ToList(), all: false), JavaRegexRunner.Find(lines.Select(l => (spark, l))));
    }

    [Fact]
    public void Java_checks_a_line_with_a_quoted_field_of_100000_characters_without_overflowing_the_stack()
    {
        var line = "\"" + new string('x', 50_000) + "\"\"" + new string('y', 50_000) + "\",b,c";
        var csv = Csv(SqlDialect.Spark);

        Assert.Equal(["true", "=" + string.Join(",", new[] { line[..^3], "b,", "c," }.Select(Base64))],
            [.. JavaRegexRunner.Find([(csv.Grammar, line)]), .. JavaRegexRunner.All([(csv.FieldThenDelimiter, line + ",")])]);
    }

    [Fact]
    public void Java_checks_a_field_of_20000_doubled_quotes_and_a_line_of_20000_fields_without_overflowing_the_stack()
    {
        var doubled = "\"" + string.Concat(Enumerable.Repeat("{\"\"k\"\":1}", 10_000)) + "\",b,c";
        var wide = "\"a\"" + string.Concat(Enumerable.Repeat(",x", 20_000));
        var csv = Csv(SqlDialect.Spark);

        Assert.Equal(["true", "true", "=" + string.Join(",", new[] { doubled[..^3], "b,", "c," }.Select(Base64))],
            [.. JavaRegexRunner.Find([(csv.Grammar, doubled), (csv.Grammar, wide)]), .. JavaRegexRunner.All([(csv.FieldThenDelimiter, doubled + ",")])]);
    }

    [Fact]
    public void A_number_or_date_before_a_final_line_break_has_its_type_s_shape_in_neither_engine()
    {
        string[] texts = ["12\n", "12\r\n", "1.5\n", "2024-01-02\n", "12", "1.5", "2024-01-02"];
        var requests = texts.SelectMany(t => new[] { TextPatterns.Integer, TextPatterns.Number, DatePattern.ToRegex(DatePattern.DefaultDate) }.Select(p => (p, t))).ToList();

        var java = JavaRegexRunner.Find(requests);

        Assert.Equal(Re2(requests, all: false), java);
        Assert.Equal(["true", "true", "false", "false", "true", "false", "false", "false", "true"], java.Skip(12));
        Assert.DoesNotContain("true", java.Take(12));
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
