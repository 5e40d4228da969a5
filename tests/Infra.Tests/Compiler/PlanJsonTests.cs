using System.Text.Json;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;

namespace DataPipeline.Tests.Compiler;

/// <summary>The JSON the Glue job receives in its 'plan' argument.</summary>
public class PlanJsonTests
{
    private static JsonElement Json(TransformPlan plan) => JsonDocument.Parse(plan.ToJson()).RootElement;

    private static TransformPlan Albums => TransformCompiler.Compile(Spotify.Table("albums"), SqlDialect.Spark);

    [Fact]
    public void Plan_json_uses_snake_case_names()
    {
        var json = Json(Albums);
        Assert.Equal(["version", "table", "kind", "dialect", "source", "current", "ledger", "inputs", "steps", "outputs"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("albums_upserts", json.GetProperty("outputs")[0].GetProperty("view").GetString());
        Assert.Equal("release_year", json.GetProperty("outputs")[0].GetProperty("partition_by")[0].GetString());
    }

    [Fact]
    public void Parquet_outputs_carry_the_table_codec_and_the_metrics_output_none()
    {
        var plan = TransformCompiler.Compile(Spotify.Table("albums") with { Compression = ParquetCompression.Gzip }, SqlDialect.Spark);
        Assert.Equal(["gzip", "gzip", null], plan.Outputs.Select(o => o.Compression));
        Assert.False(Json(plan).GetProperty("outputs")[2].TryGetProperty("compression", out _));
    }

    [Fact]
    public void A_derived_plan_writes_with_its_table_codec()
    {
        var derived = new DerivedTableDefinition { Name = "d", SqlFile = "d.sql", DependsOn = ["albums"], Compression = ParquetCompression.Zstd };
        Assert.Equal("zstd", TransformCompiler.CompileDerived(derived, "SELECT 1 AS x", SqlDialect.Spark).Outputs.Single().Compression);
    }

    [Fact]
    public void A_table_with_a_reject_limit_carries_it_for_both_engines()
    {
        var plan = TransformCompiler.Compile(Spotify.Table("albums") with { MaxRejectShare = 0.1m }, SqlDialect.Spark);
        Assert.Equal(0.1m, Json(plan).GetProperty("max_reject_share").GetDecimal());
        Assert.False(Json(Albums).TryGetProperty("max_reject_share", out _));
    }

    [Fact]
    public void Plan_json_is_compact() => Assert.DoesNotContain("\n  ", Albums.ToJson());

    [Fact]
    public void Plan_json_materializes_the_steps_several_later_steps_read_and_keeps_clean_a_view() =>
        Assert.Equal(["albums_layout", "albums_typed", "albums_duplicate_keys", "albums_matched", "albums_contest", "albums_metrics"], Json(Albums).GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("materialize").GetBoolean()).Select(s => s.GetProperty("name").GetString()));

    [Fact]
    public void Plan_json_marks_only_the_problems_step_as_stopping_the_table() =>
        Assert.Equal(["albums_problems"], Json(Albums).GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("stops_on_rows").GetBoolean()).Select(s => s.GetProperty("name").GetString()));

    [Fact]
    public void Plan_json_carries_its_contract_version() => Assert.Equal(TransformPlan.CurrentVersion, Json(Albums).GetProperty("version").GetInt32());

    [Fact]
    public void Plan_json_names_enums_in_snake_case()
    {
        var json = Json(Albums);
        Assert.Equal(("table", "csv", "parquet", "json"), (json.GetProperty("kind").GetString(), json.GetProperty("source").GetProperty("format").GetString(),
            json.GetProperty("outputs")[0].GetProperty("format").GetString(), json.GetProperty("outputs")[2].GetProperty("format").GetString()));
    }

    [Fact]
    public void Plan_json_tells_the_executor_only_how_to_read_the_files()
    {
        var source = Json(Albums).GetProperty("source");
        Assert.Equal(["format", "encoding", "file_pattern"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("csv", "utf-8"), (source.GetProperty("format").GetString(), source.GetProperty("encoding").GetString()));
    }

    [Fact]
    public void Plan_json_reads_back_into_the_same_plan()
    {
        var json = Albums.ToJson();
        Assert.Equal(json, TransformPlan.FromJson(json).ToJson());
    }

    [Fact]
    public void Table_plan_writes_clean_rows_rejects_and_metrics()
    {
        Assert.Equal(
            ["albums_upserts data-warehouse/albums/ Parquet Merge", "albums_rejects quarantine/albums/ Parquet AppendRun", "albums_metrics _metrics/albums/ Json AppendRun"],
            Albums.Outputs.Select(o => $"{o.View} {o.Path} {o.Format} {o.Mode}"));
    }

    [Fact]
    public void Table_plan_steps_come_in_order() =>
        Assert.Equal(["albums_layout", "albums_problems", "albums_typed", "albums_duplicate_keys", "albums_clean", "albums_matched", "albums_contest", "albums_upserts", "albums_replaced", "albums_removed_files", "albums_kept", "albums_rejects", "albums_metrics"], Albums.Steps.Select(s => s.Name));

    [Fact]
    public void Jsonl_source_is_written_jsonl()
    {
        var table = Spotify.Table("tracks") with { Source = new() { Kind = DataPipeline.Config.Model.SourceKind.JsonLines } };
        Assert.Equal("jsonl", Json(TransformCompiler.Compile(table, SqlDialect.Spark)).GetProperty("source").GetProperty("format").GetString());
    }

    [Fact]
    public void Derived_plan_json_has_no_source()
    {
        var plan = TransformCompiler.CompileDerived(Spotify.Derived("artist_summary"), "SELECT 1", SqlDialect.Spark);
        Assert.False(Json(plan).TryGetProperty("source", out _));
    }
}
