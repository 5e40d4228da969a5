using DataPipeline.Compiler;
using DataPipeline.Compiler.Internal;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>
/// Splitting CSV records, executed on DuckDB: a line whose only quotes are the two around one field is split without
/// the grammar's regex, so that shortcut must give the regex's fields and validity on every line.
/// </summary>
public class CsvSplitTests
{
    private static TableDefinition Table() =>
        Of(Column("a", ColumnKind.String), Column("b", ColumnKind.String), Column("c", ColumnKind.String)) with
        {
            Source = new SourceFormat { Kind = SourceKind.Csv },
        };

    private static Dictionary<string, object?> Record(string line)
    {
        using var run = DuckDbPlanRun.OfFiles(Table(), ("part-0.csv", "a,b,c\n" + line + "\n"));
        return run.Records().Single();
    }

    private static IEnumerable<object?> Values(string line)
    {
        var record = Record(line);
        return [record["a"], record["b"], record["c"]];
    }

    [Fact]
    public void A_quoted_first_field_is_one_value() => Assert.Equal<object?>(["a,b", "c", "d"], Values("\"a,b\",c,d"));

    [Fact]
    public void A_quoted_last_field_is_one_value() => Assert.Equal<object?>(["x", "y", "c,d"], Values("x,y,\"c,d\""));

    [Fact]
    public void A_quoted_field_after_letters_that_are_not_ascii_is_one_value() => Assert.Equal<object?>(["é", "b,c", "ü"], Values("é,\"b,c\",ü"));

    [Fact]
    public void An_empty_quoted_field_is_an_empty_text() => Assert.Equal<object?>(["x", "", "z"], Values("x,\"\",z"));

    [Fact]
    public void Two_quotes_inside_unquoted_fields_stay_in_their_fields() => Assert.Equal<object?>(["5'11\"", "6'2\"", "x"], Values("5'11\",6'2\",x"));

    [Fact]
    public void A_quote_closing_before_other_text_makes_the_line_malformed() =>
        Assert.Equal(RejectReason.MalformedRow, Record("x,\"b\"c,z")[PlanColumns.RejectReason]);

    [Fact]
    public void The_shortcut_gives_the_grammar_s_fields_and_validity_on_every_line()
    {
        var records = new RecordSql(Table(), SqlDialect.DuckDb);
        const string line = "line";
        var first = records.FirstQuote(line);
        var second = records.SecondQuote(line, first);
        var oneQuotedField = records.HoldsOneQuotedField(line, first, second);
        var random = new Random(20261202);
        var lines = Enumerable.Range(0, 4000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => "a,\" é"[random.Next(5)]).ToArray()))
            .Distinct()
            .ToList();
        using var session = new DuckDbSession(":memory:");
        session.Execute("CREATE TABLE lines (line VARCHAR)");
        session.Append("lines", lines.Select(l => new object?[] { l }));

        var rows = session.Query(
            $"SELECT count(*) FILTER (WHERE {oneQuotedField}), " +
            $"list(line) FILTER (WHERE {records.Fields(line, first, second, oneQuotedField)} IS DISTINCT FROM {records.Fields(line)} " +
            $"OR {records.IsValid(line, first, oneQuotedField)} IS DISTINCT FROM {records.IsValid(line)}) FROM lines").Rows;

        Assert.True(Convert.ToInt64(rows[0][0]) > 100, $"only {rows[0][0]} of {lines.Count} lines took the shortcut");
        Assert.Null(rows[0][1]);
    }
}
