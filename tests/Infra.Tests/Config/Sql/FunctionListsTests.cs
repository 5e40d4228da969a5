using DataPipeline.Config.Checks.Grammar;

namespace DataPipeline.Tests.Config.Sql;

public sealed class FunctionListsTests
{
    [Fact]
    public void Glue_40_knows_the_functions_of_Spark_33_and_not_those_added_later()
    {
        var (spark, functions) = FunctionLists.ForGlue("4.0");
        Assert.Equal("3.3", spark);
        Assert.Contains("AVG", functions);
        Assert.DoesNotContain("mode", functions);
    }

    [Fact]
    public void Glue_50_knows_the_functions_of_Spark_35()
    {
        var (spark, functions) = FunctionLists.ForGlue("5.0");
        Assert.Equal("3.5", spark);
        Assert.Contains("mode", functions);
    }

    [Fact]
    public void Every_Spark_33_function_is_still_in_Spark_35()
    {
        Assert.Empty(FunctionLists.ForGlue("4.0").Functions.Except(FunctionLists.ForGlue("5.0").Functions, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Athena_knows_Trinos_functions_and_its_own_invoker_principal()
    {
        Assert.Contains("approx_distinct", FunctionLists.Trino);
        Assert.Contains("invoker_principal", FunctionLists.Trino);
        Assert.DoesNotContain("strftime", FunctionLists.Trino);
    }
}
