using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>DuckDB literals, quoting and functions.</summary>
public class DuckDbDialectTests
{
    private static readonly TableDefinition QuotedRegex = Of(Column("s", ColumnKind.String, new ColumnRules { Regex = @"^o'\d+$" }));

    [Fact]
    public void DuckDb_doubles_a_quote_and_keeps_a_backslash() => Assert.Equal(@"'a\d''b'", SqlDialect.DuckDb.Literal(@"a\d'b"));

    [Fact]
    public void DuckDb_quotes_identifiers_with_double_quotes() => Assert.Equal("\"a\"\"b\"", SqlDialect.DuckDb.Quote("a\"b"));

    [Fact]
    public void DuckDb_regex_with_a_backslash_and_a_quote_accepts_matching_text() =>
        Assert.Null(DuckDbPlanRun.ReasonOf(QuotedRegex, RawRow.Of("o'12")));

    [Fact]
    public void DuckDb_regex_with_a_backslash_and_a_quote_rejects_other_text() =>
        Assert.Equal("pattern_mismatch:s", DuckDbPlanRun.ReasonOf(QuotedRegex, RawRow.Of(@"o'\d")));

    [Fact]
    public void DuckDb_allowed_value_with_a_quote_and_a_backslash_matches_itself() =>
        Assert.Null(DuckDbPlanRun.ReasonOf(Of(Column("s", ColumnKind.String, new ColumnRules { AllowedValues = [@"it's a\b"] })), RawRow.Of(@"it's a\b")));

    [Fact]
    public void DuckDb_parses_dates_with_try_strptime_and_the_translated_pattern()
    {
        var sql = SparkDialectTests.TypedSql(Spotify.Table("albums"), SqlDialect.DuckDb);
        Assert.Contains("CAST(TRY_STRPTIME(\"_text_release_date\", '%Y-%m-%d') AS DATE)", sql);
    }

    [Theory]
    [MemberData(nameof(SparkDialectTests.Tables), MemberType = typeof(SparkDialectTests))]
    public void DuckDb_runs_the_plan_of_every_spotify_table_on_an_empty_input(string table)
    {
        using var run = DuckDbPlanRun.Of(Spotify.Table(table));
        Assert.Contains("rows_read =0", run.Metrics());
    }
}
