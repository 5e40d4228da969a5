using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>Which row of a key is kept, executed on DuckDB.</summary>
public class DeduplicationTests
{
    private static readonly TableDefinition Keyed = Of(
        Column("id", ColumnKind.String, new ColumnRules { Trim = true }, required: true),
        Column("score", ColumnKind.Int),
        Column("note", ColumnKind.String)) with
    {
        Key = ["id"],
        OrderBy = [new SortKey("score", Descending: true)],
    };

    private static List<string> Kept(TableDefinition table, params RawRow[] rows)
    {
        using var run = DuckDbPlanRun.Of(table, rows);
        return run.Rows(StepNames.Clean("t"), "\"id\", \"note\"").Select(r => $"{r["id"]}/{r["score"]}/{r["note"]}").ToList();
    }

    [Fact]
    public void Row_first_in_order_by_wins() =>
        Assert.Equal(["a/9/high"], Kept(Keyed, RawRow.Of("a", "1", "low"), RawRow.Of("a", "9", "high"), RawRow.Of("a", "5", "mid")));

    [Fact]
    public void Null_order_value_sorts_last_even_when_descending() =>
        Assert.Equal(["a/1/low"], Kept(Keyed, RawRow.Of("a", null, "none"), RawRow.Of("a", "1", "low")));

    [Fact]
    public void Ascending_order_by_keeps_the_smallest() =>
        Assert.Equal(["a/1/low"], Kept(Keyed with { OrderBy = [new SortKey("score", Descending: false)] }, RawRow.Of("a", "9", "high"), RawRow.Of("a", "1", "low")));

    [Fact]
    public void Ties_are_broken_by_the_text_of_the_record() =>
        Assert.Equal(["a/5/x"], Kept(Keyed, RawRow.Of("a", "5", "y"), RawRow.Of("a", "5", "x")));

    [Fact]
    public void Key_is_compared_after_cleaning() =>
        Assert.Equal(["a/9/high"], Kept(Keyed, RawRow.Of(" a ", "1", "low"), RawRow.Of("a", "9", "high")));

    [Fact]
    public void Rejected_row_does_not_take_the_place_of_a_good_one() =>
        Assert.Equal(["a/1/good"], Kept(Keyed, RawRow.Of("a", "oops", "bad"), RawRow.Of("a", "1", "good")));

    [Fact]
    public void Different_keys_are_all_kept() =>
        Assert.Equal(["a/1/x", "b/1/x"], Kept(Keyed, RawRow.Of("a", "1", "x"), RawRow.Of("b", "1", "x")));

    [Fact]
    public void Table_without_key_keeps_identical_rows() =>
        Assert.Equal(["a/1/x", "a/1/x"], Kept(Keyed with { Key = [], OrderBy = [] }, RawRow.Of("a", "1", "x"), RawRow.Of("a", "1", "x")));

    [Fact]
    public void Ties_in_order_by_are_broken_by_the_later_file()
    {
        using var run = DuckDbPlanRun.OfFiles(Keyed,
            ("1-old.jsonl", DuckDbPlanRun.Content(Keyed, RawRow.Of("a", "5", "old"))),
            ("0-new.jsonl", DuckDbPlanRun.Content(Keyed, RawRow.Of("a", "5", "new"))));
        Assert.Equal("new", run.Rows(StepNames.Clean("t")).Single()["note"]);
    }

    [Fact]
    public void Only_keys_held_more_than_once_are_duplicate_keys()
    {
        using var run = DuckDbPlanRun.Of(Keyed, RawRow.Of("a", "1", "x"), RawRow.Of("a", "2", "y"), RawRow.Of("b", "1", "x"), RawRow.Of("c", "oops", "bad"), RawRow.Of("c", "1", "good"));
        Assert.Equal(["a"], run.Rows(StepNames.DuplicateKeys("t")).Select(r => r["id"]));
    }
}
