using DataPipeline.Compiler;
using DataPipeline.Compiler.Internal;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>The Spark plan uses only Spark SQL 3.3 syntax; checked on the shipped spotify tables.</summary>
public class SparkDialectTests
{
    public static TheoryData<string> Tables => Spotify.TableNames;

    private static string SparkSql(string table) =>
        string.Join("\n", TransformCompiler.Compile(Spotify.Table(table), SqlDialect.Spark).Steps.Select(s => s.Sql));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Spark_sql_has_no_duckdb_casts(string table) => Assert.DoesNotContain("::", SparkSql(table));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Spark_sql_has_no_duckdb_functions(string table)
    {
        var sql = SparkSql(table);
        Assert.All(["regexp_matches", "TRY_STRPTIME", "strptime", "QUALIFY", "EXCLUDE", "VARCHAR", "INTEGER"],
            word => Assert.DoesNotContain(word, sql, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Spark_sql_has_no_double_quoted_identifiers(string table) =>
        Assert.DoesNotContain("\"", System.Text.RegularExpressions.Regex.Replace(SparkSql(table), @"'(?:[^'\\]|\\.)*'", "''"));

    [Theory]
    [MemberData(nameof(Tables))]
    public void Spark_sql_quotes_every_column_with_backticks(string table)
    {
        var sql = SparkSql(table);
        Assert.All(Spotify.Table(table).Columns, c => Assert.Contains($"`{c.Name}`", sql));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Spark_sql_reads_the_raw_view_with_backticks(string table) => Assert.Contains($"FROM `raw_{table}`", SparkSql(table));

    [Fact]
    public void Spark_matches_regexes_with_rlike() =>
        Assert.Contains("NOT (`_text_id` RLIKE '^[0-9A-Za-z]{22}\\\\z')", SparkSql("artists"));

    [Fact]
    public void Spark_parses_dates_with_to_date_and_the_spark_pattern() =>
        Assert.Contains("to_date(`_text_release_date`, 'yyyy-MM-dd')", SparkSql("albums"));

    [Fact]
    public void Spark_derives_the_year_partition_as_an_int() => Assert.Contains("CAST(year(`release_date`) AS INT) AS `release_year`", SparkSql("albums"));

    [Fact]
    public void Spark_reads_header_positions_as_the_int_index_element_at_takes() =>
        Assert.Contains("CAST(NULLIF(array_position(`_names`, 'id'), 0) AS INT) AS `_position_0`", SparkSql("tracks"));

    [Fact]
    public void Spark_casts_with_spark_type_names() => Assert.Contains("TRY_CAST(`_text_duration_sec` AS DECIMAL(10,3))", SparkSql("albums"));

    [Theory]
    [InlineData("amount", "$['amount']")]
    [InlineData("a.b[0]", "$['a.b[0]']")]
    [InlineData("amount?", "$.amount?")]
    [InlineData("it's", "$.it's")]
    [InlineData("*", null)]
    [InlineData("it's.amount", null)]
    [InlineData(" amount", null)]
    [InlineData("\tamount", null)]
    [InlineData("amount ", "$['amount ']")]
    public void Spark_names_a_json_key_in_the_path_form_its_parser_reads(string key, string? path) =>
        Assert.Equal(path, SparkJsonPath.Of(key));

    [Fact]
    public void Spark_escapes_backslash_and_quote_with_a_backslash() =>
        Assert.Equal(@"'a\\d\'b'", SqlDialect.Spark.Literal(@"a\d'b"));

    [Fact]
    public void Spark_regex_literal_keeps_a_backslash_and_a_quote()
    {
        var table = Of(Column("s", ColumnKind.String, new ColumnRules { Regex = @"^o'\d+$" }));
        var sql = TypedSql(table, SqlDialect.Spark);
        Assert.Contains(@"RLIKE '^o\'\\d+\\z'", sql);
    }

    [Fact]
    public void Spark_timestamp_format_with_quoted_letter_is_escaped()
    {
        var table = Of(Column("ts", ColumnKind.Timestamp, format: "yyyy-MM-dd'T'HH:mm:ss"));
        var sql = TypedSql(table, SqlDialect.Spark);
        Assert.Contains(@"to_timestamp(`_text_ts`, 'yyyy-MM-dd\'T\'HH:mm:ss')", sql);
    }

    internal static string TypedSql(TableDefinition table, SqlDialect dialect) =>
        TransformCompiler.Compile(table, dialect).Steps.Single(s => s.Name == StepNames.Typed(table.Name)).Sql;

    [Fact]
    public void Spark_quotes_a_backtick_inside_an_identifier_by_doubling_it() => Assert.Equal("`a``b`", SqlDialect.Spark.Quote("a`b"));
}
