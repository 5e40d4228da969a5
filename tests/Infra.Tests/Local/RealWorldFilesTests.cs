using System.Globalization;
using DataPipeline.Compiler;
using DataPipeline.Local;

namespace DataPipeline.Tests.Local;

/// <summary>One run of <see cref="RealWorldProject"/>: files as they come load without touching them, and every row is accounted for.</summary>
public sealed class RealWorldFilesRun : IDisposable
{
    public RealWorldFilesRun()
    {
        StagingBefore = LocalRunKit.Hashes(Project.Staging);
        Result = Project.Run();
    }

    public RealWorldProject Project { get; } = new();

    public DatasetRunResult Result { get; }

    public IReadOnlyDictionary<string, string> StagingBefore { get; }

    public TableRunResult Table(string name) => Result.Tables.Single(t => t.Table == name);

    public List<object?[]> Query(string sql) => LocalRunKit.Query(sql);

    public string Data(string table) => LocalRunKit.Parquet(Result.OutputFolder, WarehouseFolders.Data(table));

    public string Quarantine(string table) => LocalRunKit.Parquet(Result.OutputFolder, WarehouseFolders.Quarantine(table));

    public void Dispose() => Project.Dispose();
}

public sealed class RealWorldFilesTests(RealWorldFilesRun run) : IClassFixture<RealWorldFilesRun>
{
    private static string Counts(TableRunResult t) =>
        $"files {t.FilesRead}, lines {t.LinesRead}, headers {t.HeaderLines}, read {t.RowsRead}, written {t.RowsWritten}, rejected {t.RowsRejected}, duplicates {t.DuplicatesDropped}";

    [Fact]
    public void Matches_from_folders_gzip_and_a_broken_large_file_are_counted_exactly() =>
        Assert.Equal("files 5, lines 20013, headers 4, read 20009, written 20005, rejected 3, duplicates 1", Counts(run.Table("matches")));

    [Fact]
    public void Records_read_equal_the_records_in_the_files_counted_without_the_engine() =>
        Assert.Equal(run.Project.RecordsIn("matches", header: true), run.Table("matches").RowsRead);

    [Fact]
    public void Every_table_balances() => Assert.All(run.Result.Tables, t => Assert.True(t.Balanced, Counts(t)));

    [Fact]
    public void A_stray_quote_rejects_only_its_own_line()
    {
        var rejects = run.Query($"SELECT _source_file, _line FROM {run.Quarantine("matches")} WHERE _reject_reason = 'malformed_row'");
        var row = Assert.Single(rejects);
        Assert.Equal("league=liga/season=2023/big.csv", row[0]);
        Assert.StartsWith($"{DateTime.ParseExact(RealWorldProject.Date(RealWorldProject.StrayQuoteRow), "yyyy-MM-dd", CultureInfo.InvariantCulture):dd/MM/yyyy},Team {RealWorldProject.StrayQuoteRow},\"Rival", (string)row[1]!);
        Assert.Equal(RealWorldProject.BigFileRows - 1L, Convert.ToInt64(run.Query($"SELECT COUNT(*) FROM {run.Data("matches")} WHERE source_file = 'league=liga/season=2023/big.csv'").Single()[0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Header_names_are_matched_ignoring_case_and_order_so_each_file_may_order_its_columns()
    {
        var row = run.Query($"SELECT home_goals, away_goals FROM {run.Data("matches")} WHERE home_team = 'Man United'").Single();
        Assert.Equal((1, 0), (Convert.ToInt32(row[0], CultureInfo.InvariantCulture), Convert.ToInt32(row[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Reserved_words_and_punctuation_in_headers_are_read_through_from()
    {
        var row = run.Query($"SELECT away_shots, attendance FROM {run.Data("matches")} WHERE home_team = 'Burnley'").Single();
        Assert.Equal((17, 21.7), (Convert.ToInt32(row[0], CultureInfo.InvariantCulture), Convert.ToDouble(row[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Placeholders_of_the_source_are_missing_values()
    {
        var row = run.Query($"SELECT home_goals, attendance FROM {run.Data("matches")} WHERE home_team = 'Bournemouth'").Single();
        Assert.Equal((null, null), (row[0], row[1]));
    }

    [Fact]
    public void A_column_s_own_placeholders_replace_the_source_s()
    {
        var referees = run.Query($"SELECT home_team, referee FROM {run.Data("matches")} WHERE home_team IN ('Bournemouth', 'Brighton') ORDER BY 1");
        Assert.Equal(["Bournemouth:", "Brighton:NA"], referees.Select(r => $"{r[0]}:{r[1]}"));
    }

    [Fact]
    public void Folder_levels_become_typed_columns_and_the_league_partitions_the_table()
    {
        var seasons = run.Query($"SELECT league, season, COUNT(*) FROM {run.Data("matches")} GROUP BY 1, 2 ORDER BY 1, 2");
        Assert.Equal(["liga/2023/19999", "premier/2023/4", "premier/2024/2"], seasons.Select(r => $"{r[0]}/{r[1]}/{r[2]}"));
        Assert.Equal(["league=liga", "league=premier"], Directory.GetDirectories(Path.Combine(run.Result.OutputFolder, "data-warehouse", "matches")).Select(Path.GetFileName).Order());
        Assert.Equal("INTEGER", run.Query($"SELECT typeof(season) FROM {run.Data("matches")} LIMIT 1").Single()[0]);
    }

    [Fact]
    public void The_file_column_holds_each_row_s_staging_file()
    {
        var files = run.Query($"SELECT DISTINCT source_file FROM {run.Data("matches")} ORDER BY 1");
        Assert.Equal(["league=liga/season=2023/big.csv", "league=premier/season=2023/matches.csv", "league=premier/season=2024/matches.csv.gz"], files.Select(r => r[0]));
    }

    [Fact]
    public void Other_files_in_the_folder_are_ignored_by_the_file_pattern() =>
        Assert.Equal(["README.txt", "league=liga/_SUCCESS"], run.Table("matches").IgnoredFiles);

    [Fact]
    public void Empty_and_header_only_files_are_named_in_a_warning() =>
        Assert.Equal(["2 file(s) hold no rows (empty, or only a header): league=liga/season=2024/empty.csv, league=liga/season=2024/header-only.csv"], run.Table("matches").Warnings);

    [Fact]
    public void Rejected_matches_carry_the_first_failing_check() =>
        Assert.Equal(new Dictionary<string, long> { ["bad_type:match_date"] = 1, ["malformed_row"] = 1, ["not_allowed:result"] = 1 }, run.Table("matches").RejectedByReason);

    [Fact]
    public void A_latin_1_table_with_semicolons_keeps_its_letters()
    {
        Assert.Equal("files 1, lines 4, headers 1, read 3, written 2, rejected 1, duplicates 0", Counts(run.Table("stadiums")));
        Assert.Equal(["Köln", "München"], run.Query($"SELECT city FROM {run.Data("stadiums")} ORDER BY 1").Select(r => r[0]));
    }

    [Fact]
    public void A_utf_16_table_with_a_byte_order_mark_is_read()
    {
        Assert.Equal("files 1, lines 3, headers 1, read 2, written 2, rejected 0, duplicates 0", Counts(run.Table("players")));
        Assert.Equal(["Zoë Ñúñez", "Łukasz"], run.Query($"SELECT player_name FROM {run.Data("players")} ORDER BY player_id").Select(r => r[0]));
    }

    [Fact]
    public void A_sixteen_megabyte_field_loads_and_a_rejected_one_is_kept_whole_in_quarantine()
    {
        // The file with long lines is read a second time with larger buffers; each line of both files counts once.
        Assert.Equal("files 2, lines 6, headers 2, read 4, written 3, rejected 1, duplicates 0", Counts(run.Table("reports")));
        Assert.Equal((long)RealWorldProject.BigFieldBytes, Convert.ToInt64(run.Query($"SELECT length(body) FROM {run.Data("reports")} WHERE report_id = 1").Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal("not-a-number,\"".Length + RealWorldProject.BigFieldBytes + 1L, Convert.ToInt64(run.Query($"SELECT length(_line) FROM {run.Quarantine("reports")}").Single()[0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_json_array_file_gives_one_record_per_element()
    {
        Assert.Equal("files 1, lines 4, headers 0, read 4, written 2, rejected 2, duplicates 0", Counts(run.Table("transfers")));
        Assert.Equal(new Dictionary<string, long> { ["bad_type:fee"] = 1, ["malformed_row"] = 1 }, run.Table("transfers").RejectedByReason);
        Assert.Equal(["p1:12.50", "p3:"], run.Query($"SELECT player_id, fee FROM {run.Data("transfers")} ORDER BY 1").Select(r => $"{r[0]}:{CsvValue(r[1])}"));
    }

    [Fact]
    public void Staging_files_are_only_read() => Assert.Equal(run.StagingBefore, LocalRunKit.Hashes(run.Project.Staging));

    [Fact]
    public void Run_json_carries_the_accounting_and_the_warnings()
    {
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Result.OutputFolder, "run.json"))).RootElement;
        var matches = summary.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "matches");
        Assert.Equal((20013, 4, 20009, true), (matches.GetProperty("lines_read").GetInt64(), matches.GetProperty("header_lines").GetInt64(), matches.GetProperty("rows_read").GetInt64(), matches.GetProperty("balanced").GetBoolean()));
        Assert.Single(matches.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void The_report_shows_the_accounting_and_the_warnings()
    {
        var html = File.ReadAllText(Path.Combine(run.Result.OutputFolder, "report.html"));
        Assert.Contains("<tr><td>matches</td><td class=\"n\">5</td><td class=\"n\">0</td><td class=\"n\">20,013</td><td class=\"n\">4</td><td class=\"n\">20,009</td><td class=\"n\">20,005</td><td class=\"n\">0</td><td class=\"n\">3</td><td class=\"n\">1</td><td>yes</td><td class=\"n\">20,005</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li><b>matches</b>: 2 file(s) hold no rows (empty, or only a header): league=liga/season=2024/empty.csv, league=liga/season=2024/header-only.csv</li>", html, StringComparison.Ordinal);
    }

    private static string CsvValue(object? value) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "";
}
