using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Compiler;

/// <summary>Plans of derived tables: the user's SQL as one step.</summary>
public class DerivedPlanTests
{
    private static readonly DerivedTableDefinition Summary = new()
    {
        Name = "summary",
        SqlFile = "etl/demo/summary.sql",
        DependsOn = ["tracks", "albums"],
        PartitionBy = ["year"],
    };

    private static string Sql(string text) => TransformCompiler.CompileDerived(Summary, text, SqlDialect.DuckDb).Steps.Single().Sql;

    [Fact]
    public void Derived_plan_reads_its_dependencies() =>
        Assert.Equal(["tracks data-warehouse/tracks/", "albums data-warehouse/albums/"], TransformCompiler.CompileDerived(Summary, "SELECT 1", SqlDialect.Spark).Inputs.Select(i => $"{i.Table} {i.Path}"));

    [Fact]
    public void Derived_plan_writes_its_result_partitioned()
    {
        var output = TransformCompiler.CompileDerived(Summary, "SELECT 1", SqlDialect.Spark).Outputs.Single();
        Assert.Equal(("summary_result", "data-warehouse/summary/", "year", OutputFormat.Parquet), (output.View, output.Path, output.PartitionBy.Single(), output.Format));
    }

    [Fact]
    public void Derived_step_drops_the_final_semicolon() => Assert.Equal("SELECT 1", Sql("SELECT 1;\n"));

    [Fact]
    public void Derived_step_keeps_comments() => Assert.Equal("-- why\nSELECT 1 /* note */", Sql("-- why\nSELECT 1 /* note */;"));

    [Fact]
    public void Derived_step_keeps_a_semicolon_inside_a_string() => Assert.Equal("SELECT 'a;b'", Sql("SELECT 'a;b';"));

    [Fact]
    public void Derived_step_ending_in_a_line_comment_ends_with_a_new_line() => Assert.Equal("SELECT 1 -- done\n", Sql("SELECT 1; -- done"));

    [Fact]
    public void Derived_sql_with_two_statements_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Sql("SELECT 1; SELECT 2"));
        Assert.StartsWith("etl/demo/summary.sql holds more than one statement; keep one SELECT per file.", error.Message);
    }

    [Fact]
    public void Derived_sql_without_a_statement_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Sql("-- nothing yet\n"));
        Assert.StartsWith("etl/demo/summary.sql holds no SQL; write one SELECT in it.", error.Message);
    }
}
