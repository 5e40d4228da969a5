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
    private static readonly RecordSql Csv = new(
        Of(Column("a", ColumnKind.String), Column("b", ColumnKind.String), Column("c", ColumnKind.String)) with
        {
            Source = new SourceFormat { Kind = SourceKind.Csv },
        },
        SqlDialect.DuckDb);

    private static List<string> RandomLines()
    {
        var random = new Random(20261204);
        return Enumerable.Range(0, 3000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => "a,\" é"[random.Next(5)]).ToArray()))
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

    [Fact]
    public void Java_and_re2_tile_csv_lines_into_the_same_fields()
    {
        var requests = RandomLines().Select(l => (Csv.FieldThenDelimiter, l + ",")).ToList();

        Assert.Equal(Re2(requests, all: true), JavaRegexRunner.All(requests));
    }

    [Fact]
    public void Java_and_re2_agree_on_which_csv_lines_follow_the_grammar()
    {
        var requests = RandomLines().Select(l => (Csv.Grammar, l)).ToList();

        Assert.Equal(Re2(requests, all: false), JavaRegexRunner.Find(requests));
    }

    [Fact]
    public void Java_checks_a_line_with_a_quoted_field_of_100000_characters_without_overflowing_the_stack()
    {
        var line = "\"" + new string('x', 50_000) + "\"\"" + new string('y', 50_000) + "\",b,c";

        Assert.Equal(["true", "=" + string.Join(",", new[] { line[..^3], "b,", "c," }.Select(Base64))],
            [.. JavaRegexRunner.Find([(Csv.Grammar, line)]), .. JavaRegexRunner.All([(Csv.FieldThenDelimiter, line + ",")])]);
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
