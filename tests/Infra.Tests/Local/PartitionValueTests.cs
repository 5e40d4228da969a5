using DataPipeline.Compiler;
using DataPipeline.Local.Engine;

namespace DataPipeline.Tests.Local;

/// <summary>Partition folder values against the plan's type of their column (their type lives in no file).</summary>
public sealed class PartitionValueTests
{
    private static string? Check(string type, string value) =>
        StoredColumns.PartitionValueProblems("t", "data-warehouse/t/", [new PlanColumn { Name = "p", Type = type }], [$"p={value}/part-1.parquet"]);

    [Theory]
    [InlineData("INTEGER", "2020")]
    [InlineData("INTEGER", "-3")]
    [InlineData("INTEGER", "__HIVE_DEFAULT_PARTITION__")]
    [InlineData("BIGINT", "9000000000")]
    [InlineData("DOUBLE", "1.5e3")]
    [InlineData("DECIMAL(10,3)", "12.5")]
    [InlineData("BOOLEAN", "true")]
    [InlineData("DATE", "2024-02-29")]
    [InlineData("TIMESTAMP", "2024-01-01 10%3A00%3A00")]
    [InlineData("VARCHAR", "north")]
    public void A_partition_value_its_type_can_hold_is_no_problem(string type, string value) =>
        Assert.Null(Check(type, value));

    [Theory]
    [InlineData("INTEGER", "north")]
    [InlineData("INTEGER", "1.5")]
    [InlineData("INTEGER", "3000000000")]
    [InlineData("DECIMAL(4,2)", "123.4")]
    [InlineData("DECIMAL(4,2)", "1.234")]
    [InlineData("BOOLEAN", "yes")]
    [InlineData("DATE", "2023-02-29")]
    public void A_partition_value_its_type_cannot_hold_is_named_in_the_error(string type, string value) =>
        Assert.Equal(
            $"Table 't': its warehouse files (data-warehouse/t) sit in partition folders whose values do not fit the partition column's type in the table definition: p={value} is not {type}. "
            + "Set the type back in the table definition, or rebuild the table from its staging files with run --full-refresh (the rows of staging files that are gone are then lost).",
            Check(type, value));

    [Fact]
    public void Only_the_first_five_misfits_are_named_and_the_rest_counted()
    {
        var files = Enumerable.Range(0, 7).Select(i => $"p=x{i}/part-1.parquet");

        var error = StoredColumns.PartitionValueProblems("t", "data-warehouse/t", [new PlanColumn { Name = "p", Type = "INTEGER" }], files);

        Assert.Contains("p=x4 is not INTEGER; and 2 more. ", error, StringComparison.Ordinal);
    }
}
