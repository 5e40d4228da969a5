using System.Globalization;
using DataPipeline.Compiler;

namespace DataPipeline.Tests.Local;

public sealed class LocalRunTests(LocalRunOnCommittedSample run) : IClassFixture<LocalRunOnCommittedSample>
{
    public static TheoryData<string> Tables => ["artists", "albums", "tracks", "features"];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Rows_written_equal_the_good_unique_rows_of_the_manifest(string table)
    {
        var parquetRows = LocalRunKit.Query($"SELECT COUNT(*) FROM {LocalRunKit.Parquet(run.OutputFolder, WarehouseFolders.Data(table))}").Single()[0];

        Assert.Equal(run.Manifest.Table(table).GoodUniqueRows, Convert.ToInt64(parquetRows, CultureInfo.InvariantCulture));
        Assert.Equal(run.Manifest.Table(table).GoodUniqueRows, Metrics(table).RowsWritten);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Quarantined_rows_per_reason_equal_the_rejects_expected_by_the_manifest(string table)
    {
        var quarantined = LocalRunKit.Query(
                $"SELECT {PlanColumns.RejectReason}, COUNT(*) FROM {LocalRunKit.Parquet(run.OutputFolder, WarehouseFolders.Quarantine(table))} GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture));

        Assert.Equal(run.Manifest.Table(table).RejectsExpected.OrderBy(p => p.Key), quarantined.OrderBy(p => p.Key));
        Assert.Equal(run.Manifest.Table(table).RejectsExpected.OrderBy(p => p.Key).Select(p => (p.Key, (long)p.Value)),
            Metrics(table).RejectedByReason.Select(p => (p.Key, p.Value)));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Duplicates_dropped_equal_the_duplicates_injected_into_the_sample(string table) =>
        Assert.Equal(run.Manifest.Table(table).DuplicatesInjected, Metrics(table).DuplicatesDropped);

    [Theory]
    [MemberData(nameof(Tables))]
    public void Metrics_file_counts_every_row_read_once(string table)
    {
        var metrics = LocalRunKit.Query($"SELECT metric, CAST(SUM(\"rows\") AS BIGINT) FROM read_json('{Path.Combine(run.OutputFolder, WarehouseFolders.Metrics(table))}**/*.json') WHERE reason IS NULL GROUP BY metric")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));

        Assert.Equal(run.Manifest.Table(table).RowsWritten, metrics[RunMetric.RowsRead]);
        Assert.Equal(metrics[RunMetric.RowsRead], metrics[RunMetric.RowsWritten] + metrics[RunMetric.RowsRejected] + metrics[RunMetric.DuplicatesDropped]);
    }

    [Theory]
    [InlineData("track_details")]
    [InlineData("artist_summary")]
    public void Derived_table_is_written_as_parquet_with_rows(string table)
    {
        var rows = LocalRunKit.Query($"SELECT COUNT(*) FROM {LocalRunKit.Parquet(run.OutputFolder, WarehouseFolders.Data(table))}").Single()[0];

        Assert.True(Convert.ToInt64(rows, CultureInfo.InvariantCulture) > 0);
        Assert.Equal(Convert.ToInt64(rows, CultureInfo.InvariantCulture), run.Result.Derived.Single(d => d.Table == table).Rows);
    }

    [Fact]
    public void Catalog_lists_every_warehouse_table_with_glue_types_and_the_albums_partition_key()
    {
        var catalog = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutputFolder, "catalog.json"))).RootElement;
        var tables = catalog.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Equal(LocalRunKit.Database, catalog.GetProperty("database").GetString());
        Assert.Equal(["tbl_albums", "tbl_artist_summary", "tbl_artists", "tbl_features", "tbl_track_details", "tbl_tracks"], tables.Keys.Order());
        Assert.Equal("release_year", tables["tbl_albums"].GetProperty("partition_keys")[0].GetProperty("name").GetString());
        Assert.Equal("data-warehouse/albums/", tables["tbl_albums"].GetProperty("location").GetString());
        var albumColumns = tables["tbl_albums"].GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
        Assert.Equal("decimal(10,3)", albumColumns["duration_sec"]);
        Assert.Equal("date", albumColumns["release_date"]);
        Assert.Equal("int", albumColumns["track_number"]);
    }

    [Fact]
    public void Warehouse_database_answers_queries_on_the_catalog_views_from_the_output_folder()
    {
        var rows = LocalRunKit.Query($"SELECT COUNT(*) FROM {LocalRunKit.Database}.tbl_tracks",
            Path.Combine(run.OutputFolder, "warehouse.duckdb"), searchPath: run.OutputFolder).Single()[0];

        Assert.Equal(run.Manifest.Table("tracks").GoodUniqueRows, Convert.ToInt64(rows, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("top_artists_by_popularity", "artist,avg_track_popularity,tracks")]
    [InlineData("popularity_by_danceability", "danceability_band,avg_track_popularity,tracks")]
    [InlineData("popularity_by_energy", "energy_band,avg_track_popularity,tracks")]
    [InlineData("releases_per_year", "release_year,album_tracks,albums")]
    [InlineData("explicit_share_by_popularity", "popularity_band,explicit_share,tracks")]
    [InlineData("top_labels", "label,avg_album_popularity,albums")]
    public void Every_saved_query_writes_a_csv_with_its_header_and_rows(string query, string header)
    {
        var lines = File.ReadAllLines(Path.Combine(run.OutputFolder, "queries", query + ".csv"));

        Assert.Equal(header, lines[0]);
        Assert.True(lines.Length > 1, $"{query}.csv has no rows.");
    }

    [Fact]
    public void Explicit_share_by_popularity_matches_the_clean_tracks_counted_independently()
    {
        var tracks = LocalRunKit.Query($"SELECT track_popularity, explicit FROM {LocalRunKit.Parquet(run.OutputFolder, WarehouseFolders.Data("tracks"))}")
            .Select(r => (Popularity: Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Explicit: r[1] is true));
        var expected = tracks.GroupBy(t => t.Popularity / 10 * 10)
            .OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Key},{Math.Round((decimal)g.Count(t => t.Explicit) / g.Count(), 3, MidpointRounding.AwayFromZero)},{g.Count()}"));

        var actual = File.ReadAllLines(Path.Combine(run.OutputFolder, "queries", "explicit_share_by_popularity.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => $"{f[0]},{decimal.Parse(f[1], CultureInfo.InvariantCulture)},{f[2]}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Releases_per_year_matches_the_album_tracks_of_the_staging_file_that_pass_the_rules()
    {
        var csv = SampleCsv.Read(Path.Combine(LocalRunOnCommittedSample.StagingFolder, "albums", "albums.csv"));
        var rules = PipelineRules.For("albums", csv.Header);
        var good = csv.Rows.Where(r => rules.Violations(r).Count == 0)
            .OrderByDescending(r => int.Parse(rules.Cleaned(r, "album_popularity") ?? "-1", CultureInfo.InvariantCulture))
            .DistinctBy(r => rules.Cleaned(r, "track_id"))
            .Select(r => rules.Cleaned(r, "release_date")![..4]);
        var expected = good.GroupBy(year => year).OrderBy(g => g.Key).Select(g => $"{g.Key},{g.Count()}");

        var actual = File.ReadAllLines(Path.Combine(run.OutputFolder, "queries", "releases_per_year.csv")).Skip(1)
            .Select(line => string.Join(',', line.Split(',')[..2]));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("data-warehouse/albums")]
    [InlineData("quarantine/albums")]
    [InlineData("data-warehouse/track_details")]
    public void Parquet_files_use_the_codec_the_dataset_names_in_pipeline_yaml(string folder)
    {
        var codecs = LocalRunKit.Query(
            $"SELECT DISTINCT compression FROM parquet_metadata('{Path.Combine(run.OutputFolder, folder)}/**/*.parquet')");

        Assert.Equal(["ZSTD"], codecs.Select(r => (string)r[0]!));
    }

    [Fact]
    public void Staging_files_are_not_changed_by_a_run() =>
        Assert.Equal(run.StagingHashesBefore, LocalRunKit.Hashes(LocalRunOnCommittedSample.StagingFolder));

    [Fact]
    public void Report_is_one_self_contained_page_with_inline_svg_and_script()
    {
        var html = File.ReadAllText(Path.Combine(run.OutputFolder, "report.html"));

        Assert.Contains("<svg", html);
        Assert.Contains("<script>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Report_and_run_json_name_the_codec_of_every_cleaned_table()
    {
        var html = File.ReadAllText(Path.Combine(run.OutputFolder, "report.html"));
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.OutputFolder, "run.json")));

        Assert.Contains("<td>albums</td>", html);
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(html, "<td>zstd</td>").Count);
        Assert.All(summary.RootElement.GetProperty("tables").EnumerateArray(), t => Assert.Equal("zstd", t.GetProperty("compression").GetString()));
    }

    [Fact]
    public void Run_leaves_no_temporary_folder_beside_the_output() =>
        Assert.Equal(["spotify"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(run.OutputFolder)!).Select(Path.GetFileName));

    private DataPipeline.Local.TableRunResult Metrics(string table) => run.Result.Tables.Single(t => t.Table == table);
}
