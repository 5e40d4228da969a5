using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>trim, lowercase and empty_as_null on string columns, executed on DuckDB.</summary>
public class CleaningTests
{
    private static object? Value(ColumnRules rules, string? text) =>
        DuckDbPlanRun.TypedValueOf(Of(Column("s", ColumnKind.String, rules)), RawRow.Of(text), "s");

    [Fact]
    public void Trim_strips_leading_and_trailing_spaces() => Assert.Equal("a b", Value(new ColumnRules { Trim = true }, "  a b  "));

    [Fact]
    public void Trim_false_keeps_spaces() => Assert.Equal("  a b  ", Value(new ColumnRules { Trim = false }, "  a b  "));

    [Fact]
    public void Lowercase_lowers_the_text() => Assert.Equal("rock", Value(new ColumnRules { Lowercase = true }, "RoCK"));

    [Fact]
    public void Lowercase_false_keeps_the_case() => Assert.Equal("RoCK", Value(new ColumnRules(), "RoCK"));

    [Fact]
    public void Empty_as_null_turns_empty_text_into_null() => Assert.Null(Value(new ColumnRules { EmptyAsNull = true }, ""));

    [Fact]
    public void Empty_as_null_applies_after_trim() => Assert.Null(Value(new ColumnRules { Trim = true, EmptyAsNull = true }, "   "));

    [Fact]
    public void Empty_as_null_false_keeps_empty_text() => Assert.Equal("", Value(new ColumnRules { EmptyAsNull = false }, ""));

    [Fact]
    public void Null_text_stays_null() => Assert.Null(Value(new ColumnRules(), null));
}
