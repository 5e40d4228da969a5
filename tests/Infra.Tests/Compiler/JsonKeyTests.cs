using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>JSON keys with the characters Spark's path grammar treats specially, read on DuckDB (Spark's paths: SparkDialectTests).</summary>
public class JsonKeyTests
{
    [Fact]
    public void Keys_holding_a_question_mark_a_quote_a_dot_a_bracket_a_double_quote_or_a_backslash_are_read_by_name()
    {
        var keys = new[] { "amount?", "it's", "a.b", "c[0]", "say \"hi\"", "x/\"y\"~", "a\\", "a\\\\b" };
        var table = Of(keys.Select((k, i) => Column("c" + i, ColumnKind.String) with { From = k }).ToArray());
        using var run = DuckDbPlanRun.OfFiles(table, ("part-0.jsonl", "{\"amount?\": \"1\", \"it's\": \"2\", \"a.b\": \"3\", \"c[0]\": \"4\", \"say \\\"hi\\\"\": \"5\", \"x/\\\"y\\\"~\": \"6\", \"a\\\\\": \"7\", \"a\\\\\\\\b\": \"8\", \"a\": {\"b\": \"no\"}}\n"));

        var record = run.Records().Single();

        Assert.Equal<object?>(["1", "2", "3", "4", "5", "6", "7", "8"], keys.Select((_, i) => record["c" + i]));
    }
}
