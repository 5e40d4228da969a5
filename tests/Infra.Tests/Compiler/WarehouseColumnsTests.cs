using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using Xunit;

namespace DataPipeline.Tests.Compiler;

/// <summary>Config load describes cleaned tables from the compiler's warehouse columns instead of running the plan: they must agree.</summary>
public sealed class WarehouseColumnsTests
{
    [Fact]
    public void The_clean_step_gives_exactly_the_warehouse_columns_in_order_and_type()
    {
        var table = TestTables.Of(
            TestTables.Column("id", ColumnKind.Int, required: true),
            TestTables.Column("played_at", ColumnKind.Date),
            TestTables.Decimal("price", 12, 2),
            TestTables.Column("ok", ColumnKind.Boolean),
            TestTables.Column("league", ColumnKind.String)) with
        {
            Key = ["id"],
            FolderColumns = ["league"],
            FileColumn = "source_file",
            PartitionBy = [new PartitionColumn { Name = "league" }, new PartitionColumn { Name = "year", From = "played_at", Transform = PartitionTransform.Year }],
        };
        using var run = DuckDbPlanRun.OfFiles(table, ("league=a/part-0.jsonl", "{\"id\": \"1\", \"played_at\": \"2024-01-02\", \"price\": \"1.50\", \"ok\": \"true\"}\n"));

        var described = run.Describe(StepNames.Clean(table.Name));

        Assert.Equal(
            ["id INTEGER", "played_at DATE", "price DECIMAL(12,2)", "ok BOOLEAN", "league VARCHAR", "source_file VARCHAR", "year INTEGER", "_arrival VARCHAR"],
            described);
        Assert.Equal(described, TransformCompiler.WarehouseColumns(table, SqlDialect.DuckDb).Select(c => $"{c.Name} {c.Type}"));
    }
}
