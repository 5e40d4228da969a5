using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>The columns and rows of the clean, rejects and metrics steps, executed on DuckDB.</summary>
public class StepTests
{
    private static readonly TableDefinition Releases = Of(
        Column("id", ColumnKind.String, new ColumnRules { Trim = true }, required: true),
        Column("released", ColumnKind.Date, required: true),
        Column("plays", ColumnKind.Bigint, new ColumnRules { Min = 0 })) with
    {
        Key = ["id"],
        PartitionBy =
        [
            new PartitionColumn { Name = "release_year", From = "released", Transform = PartitionTransform.Year },
            new PartitionColumn { Name = "release_month", From = "released", Transform = PartitionTransform.Month },
            new PartitionColumn { Name = "release_day", From = "released", Transform = PartitionTransform.Day },
        ],
    };

    private static DuckDbPlanRun Run() => DuckDbPlanRun.Of(Releases,
        RawRow.Of(" a ", "2023-04-05", "10"),
        RawRow.Of("a", "2023-04-05", "7"),
        RawRow.Of("b", "2023-02-30", "1"),
        RawRow.Of("c", "2021-12-31", "-1"),
        RawRow.Malformed("c,\"2021"));

    [Fact]
    public void Clean_step_holds_typed_columns_then_partition_columns_then_the_arrival()
    {
        using var run = Run();
        var row = run.Rows(StepNames.Clean("t")).Single();
        Assert.Equal(["id", "released", "plays", "release_year", "release_month", "release_day", "_arrival"], row.Keys);
    }

    [Fact]
    public void Clean_step_computes_year_month_and_day_partitions()
    {
        using var run = Run();
        var row = run.Rows(StepNames.Clean("t")).Single();
        Assert.Equal((2023L, 4L, 5L), (Convert.ToInt64(row["release_year"]), Convert.ToInt64(row["release_month"]), Convert.ToInt64(row["release_day"])));
    }

    [Fact]
    public void Clean_step_keeps_cleaned_values()
    {
        using var run = Run();
        var row = run.Rows(StepNames.Clean("t")).Single();
        Assert.Equal(("a", 10L), (row["id"], row["plays"]));
    }

    [Fact]
    public void Rejects_step_holds_the_file_the_line_and_the_reason()
    {
        using var run = Run();
        var rows = run.Rows(StepNames.Rejects("t"), "\"_reject_reason\"");
        Assert.Equal(["_source_file", "_line", "_reject_reason"], rows[0].Keys);
        Assert.Equal(
            ["part-0.jsonl|{\"id\":\"b\",\"released\":\"2023-02-30\",\"plays\":\"1\"}|bad_type:released", "part-0.jsonl|c,\"2021|malformed_row", "part-0.jsonl|{\"id\":\"c\",\"released\":\"2021-12-31\",\"plays\":\"-1\"}|out_of_range:plays"],
            rows.Select(r => string.Join("|", r.Values)));
    }

    [Fact]
    public void Metrics_count_rows_read_written_rejected_and_dropped()
    {
        using var run = Run();
        Assert.Equal(
        [
            "duplicates_dropped =1",
            "file_rows part-0.jsonl=5",
            "files_read =1",
            "header_lines =0",
            "lines_read =5",
            "rejected bad_type:released=1",
            "rejected malformed_row=1",
            "rejected out_of_range:plays=1",
            "rows_read =5",
            "rows_rejected =3",
            "rows_replaced =0",
            "rows_written =1",
        ], run.Metrics());
    }

    [Fact]
    public void Metrics_of_an_empty_input_are_zero()
    {
        using var run = DuckDbPlanRun.OfFiles(Releases);
        Assert.Equal(["duplicates_dropped =0", "files_read =0", "header_lines =0", "lines_read =0", "rows_read =0", "rows_rejected =0", "rows_replaced =0", "rows_written =0"], run.Metrics());
    }

    [Fact]
    public void Identity_partition_adds_no_extra_column()
    {
        var table = Releases with { PartitionBy = [new PartitionColumn { Name = "released" }] };
        using var run = DuckDbPlanRun.Of(table, RawRow.Of("a", "2023-04-05", "1"));
        Assert.Equal(["id", "released", "plays", "_arrival"], run.Rows(StepNames.Clean("t")).Single().Keys);
    }
}
