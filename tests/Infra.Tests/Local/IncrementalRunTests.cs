using DataPipeline.Local;
using DataPipeline.Local.Engine;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>
/// Two local runs with a new file in between: the second reads only that file and merges it by key (order_by first,
/// then the later file), a keyless table appends, derived tables are rebuilt, and nothing depends on how files were
/// grouped into runs or on whether processed staging files are still there.
/// </summary>
public sealed class IncrementalRunTests : IDisposable
{
    private const string FirstOrders = """
        order_id,region,amount,version
        a,north,10,1
        b,north,20,1
        c,south,30,1
        d,south,40,1

        """;

    /// <summary>A new key (e, twice), a correction that wins (b, version 2), one that loses to order_by (c, version 0), two bad rows.</summary>
    private const string SecondOrders = """
        order_id,region,amount,version
        e,north,50,1
        b,north,25,2
        c,south,99,0
        e,north,50,1
        f,south,-5,1
        g,south,abc,1

        """;

    private readonly TemporaryFolder _project = new();

    public IncrementalRunTests()
    {
        Write("pipeline.yaml", """
            project: acme
            environments:
              - name: dev
            datasets:
              - name: sales
                tables:
                  - name: orders
                    key: [order_id]
                    order_by: [version desc]
                    partition_by:
                      - { name: region }
                    columns:
                      - { name: order_id, type: string, required: true }
                      - { name: region, type: string, required: true }
                      - { name: amount, type: double, rules: { min: 0 } }
                      - { name: version, type: int }
                  - name: events
                    columns:
                      - { name: order_id, type: string, required: true }
                      - { name: event, type: string }
                derived:
                  - name: region_totals
                    sql: etl/sales/region_totals.sql
                    depends_on: [orders]

            """);
        Write("pipeline.dev.yaml", "account: \"123456789012\"\nregion: eu-west-1\ndatasets:\n  sales: {}\n");
        Write("etl/sales/region_totals.sql", "SELECT region, COUNT(*) AS orders, SUM(amount) AS amount FROM orders GROUP BY region\n");
        Write("staging/orders/day1.csv", FirstOrders, hoursAgo: 2);
        Write("staging/events/day1.csv", "order_id,event\na,placed\nb,placed\n", hoursAgo: 2);
    }

    private string Staging => Path.Combine(_project.Path, "staging");

    private string Out => Path.Combine(_project.Path, "out");

    private string Output => Path.Combine(Out, "sales");

    private DatasetRunResult Run(bool fullRefresh = false, string? output = null)
    {
        var options = new LocalRunOptions { ConfigDirectory = _project.Path, Environment = "dev", Staging = Staging, Out = output ?? Out, FullRefresh = fullRefresh };
        var (plan, staging) = LocalPipeline.Resolve(options).Single();
        return LocalPipeline.RunDataset(plan, staging, options, SilentProgress.Instance);
    }

    private void AddSecondDay()
    {
        Write("staging/orders/day2.csv", SecondOrders, hoursAgo: 1);
        Write("staging/events/day2.csv", "order_id,event\ne,placed\nb,changed\n", hoursAgo: 1);
    }

    private static List<string> Rows(string output, string folder, string columns, string orderBy) =>
        LocalRunKit.Query($"SELECT {columns} FROM {LocalRunKit.Parquet(output, folder)} ORDER BY {orderBy}")
            .Select(r => string.Join(",", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();

    private static List<string> Orders(string output) => Rows(output, "data-warehouse/orders/", "order_id, region, amount, version", "order_id");

    private static List<string> Everything(string output, string table) => Rows(output, $"data-warehouse/{table}/", "*", "ALL");

    private IReadOnlyDictionary<string, string> Kept() =>
        new[] { "data-warehouse", "quarantine", "_metrics", "_state" }
            .Where(f => Directory.Exists(Path.Combine(Output, f)))
            .SelectMany(f => LocalRunKit.Hashes(Path.Combine(Output, f)).Select(h => (Key: Path.Combine(f, h.Key), h.Value)))
            .ToDictionary(h => h.Key, h => h.Value);

    [Fact]
    public void The_second_run_reads_only_the_new_file_and_merges_it_by_key()
    {
        Run();
        AddSecondDay();

        var orders = Run().Tables.Single(t => t.Table == "orders");

        Assert.Equal(
            "files 1, already 1, read 6, written 2, replaced 1, rejected 2, duplicates 2, warehouse 5",
            $"files {orders.FilesRead}, already {orders.FilesAlreadyProcessed}, read {orders.RowsRead}, written {orders.RowsWritten}, replaced {orders.RowsReplaced}, rejected {orders.RowsRejected}, duplicates {orders.DuplicatesDropped}, warehouse {orders.WarehouseRows}");
        Assert.Equal(["a,north,10,1", "b,north,25,2", "c,south,30,1", "d,south,40,1", "e,north,50,1"], Orders(Output));
    }

    [Fact]
    public void A_merge_leaves_one_file_in_a_partition_it_rewrites_holding_its_kept_and_new_rows()
    {
        Run();
        AddSecondDay();

        Run();

        Assert.Single(Directory.GetFiles(Path.Combine(Output, "data-warehouse", "orders", "region=north"), "*.parquet"));
        Assert.Equal(["a,north,10,1", "b,north,25,2", "e,north,50,1"], Rows(Output, "data-warehouse/orders/region=north/", "order_id, region, amount, version", "order_id"));
    }

    [Fact]
    public void A_partitioned_table_is_written_in_row_groups_of_ten_thousand_two_hundred_and_forty_rows_at_most()
    {
        var orders = string.Concat(Enumerable.Range(0, 25_000).Select(i => $"o{i},north,1,1\n"));
        Write("staging/orders/day1.csv", "order_id,region,amount,version\n" + orders, hoursAgo: 2);

        Run();

        var groups = LocalRunKit.Query($"SELECT row_group_num_rows FROM parquet_metadata('{Path.Combine(Output, "data-warehouse", "orders")}/**/*.parquet') WHERE column_id = 0 ORDER BY 1 DESC")
            .Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(25_000, groups.Sum());
        Assert.Equal(PlanExecutor.PartitionedRowGroupRows, groups.Max());
    }

    [Fact]
    public void Each_run_keeps_its_rejects_in_a_folder_of_its_own()
    {
        Run();
        AddSecondDay();
        var second = Run();
        Write("staging/orders/day3.csv", "order_id,region,amount,version\nh,north,-1,1\n", hoursAgo: 0);

        var third = Run();

        Assert.Equal(new[] { "bad_type:amount", "out_of_range:amount" }, second.Tables.Single(t => t.Table == "orders").RejectedByReason.Keys);
        Assert.Equal(new[] { $"run_id={second.RunId}", $"run_id={third.RunId}" }.Order(StringComparer.Ordinal), Directory.GetDirectories(Path.Combine(Output, "quarantine", "orders")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, Convert.ToInt64(LocalRunKit.Query($"SELECT COUNT(*) FROM {LocalRunKit.Parquet(Output, $"quarantine/orders/run_id={second.RunId}/")}").Single()[0]));
        Assert.Equal(1, Convert.ToInt64(LocalRunKit.Query($"SELECT COUNT(*) FROM {LocalRunKit.Parquet(Output, $"quarantine/orders/run_id={third.RunId}/")}").Single()[0]));
    }

    [Fact]
    public void The_report_shows_this_runs_counts_and_the_rows_the_table_holds_after_it()
    {
        Run();
        AddSecondDay();

        Run();

        var html = File.ReadAllText(Path.Combine(Output, "report.html"));
        Assert.Contains("<tr><td>orders</td><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">7</td><td class=\"n\">1</td><td class=\"n\">6</td><td class=\"n\">2</td><td class=\"n\">1</td><td class=\"n\">2</td><td class=\"n\">2</td><td>yes</td><td class=\"n\">5</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_json_holds_this_runs_counts_and_the_rows_the_table_holds_after_it()
    {
        Run();
        AddSecondDay();

        var second = Run();

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "run.json")));
        Assert.Equal(second.RunId, json.RootElement.GetProperty("run_id").GetString());
        var orders = json.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == "orders");
        Assert.Equal("1 1 2 1 5", string.Join(" ", new[] { "files_read", "files_already_processed", "rows_written", "rows_replaced", "warehouse_rows" }.Select(k => orders.GetProperty(k).GetInt64())));
    }

    [Fact]
    public void A_keyless_table_appends_the_new_files_rows()
    {
        Run();
        AddSecondDay();

        Run();

        Assert.Equal(["a,placed", "b,changed", "b,placed", "e,placed"], Rows(Output, "data-warehouse/events/", "order_id, event", "ALL"));
    }

    [Fact]
    public void Derived_tables_are_rebuilt_from_the_merged_warehouse()
    {
        Run();
        AddSecondDay();

        Run();

        Assert.Equal(["north,3,85", "south,2,70"], Rows(Output, "data-warehouse/region_totals/", "region, orders, amount", "region"));
    }

    [Fact]
    public void A_run_without_new_files_changes_no_warehouse_file_and_no_ledger()
    {
        Run();
        AddSecondDay();
        Run();
        var before = Kept().Where(k => !k.Key.StartsWith("quarantine", StringComparison.Ordinal) && !k.Key.StartsWith("_metrics", StringComparison.Ordinal)).ToList();

        var third = Run();

        Assert.All(third.Tables, t => Assert.Equal(0, t.FilesRead));
        Assert.Equal(before, Kept().Where(k => !k.Key.StartsWith("quarantine", StringComparison.Ordinal) && !k.Key.StartsWith("_metrics", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void A_file_touched_without_a_change_is_not_read_again()
    {
        Run();

        File.SetLastWriteTimeUtc(Path.Combine(Staging, "orders", "day1.csv"), DateTime.UtcNow);
        var second = Run();

        Assert.Equal(0, second.Tables.Single(t => t.Table == "orders").FilesRead);
    }

    [Fact]
    public void A_file_whose_content_changed_is_read_again()
    {
        Run();

        Write("staging/orders/day1.csv", FirstOrders.Replace("a,north,10,1", "a,north,11,2", StringComparison.Ordinal));
        var second = Run();

        Assert.Equal(1, second.Tables.Single(t => t.Table == "orders").FilesRead);
        Assert.Contains("a,north,11,2", Orders(Output));
    }

    [Fact]
    public void A_ledger_of_sha256_fingerprints_from_an_older_version_still_knows_a_touched_file()
    {
        Run();
        var ledger = Path.Combine(Output, "_state", "orders", "ledger.jsonl");
        var day1 = Path.Combine(Staging, "orders", "day1.csv");
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(day1)));
        var text = File.ReadAllText(ledger);
        var older = System.Text.RegularExpressions.Regex.Replace(text, "\"fingerprint\":\"xxh128:[0-9a-f]{32}\"", $"\"fingerprint\":\"{sha256}\"");
        Assert.NotEqual(text, older);
        File.Delete(ledger);
        File.WriteAllText(ledger, older);

        File.SetLastWriteTimeUtc(day1, DateTime.UtcNow);
        var second = Run();

        Assert.Equal(0, second.Tables.Single(t => t.Table == "orders").FilesRead);
    }

    [Fact]
    public void Deleting_processed_staging_files_as_expiry_would_leaves_the_warehouse_as_it_was()
    {
        Run();
        AddSecondDay();
        Run();
        var orders = Everything(Output, "orders");
        var totals = Everything(Output, "region_totals");

        File.Delete(Path.Combine(Staging, "orders", "day1.csv"));
        File.Delete(Path.Combine(Staging, "events", "day1.csv"));
        Run();

        Assert.Equal(orders, Everything(Output, "orders"));
        Assert.Equal(totals, Everything(Output, "region_totals"));
        Assert.Equal(4, Everything(Output, "events").Count);
    }

    [Fact]
    public void The_incremental_result_equals_a_full_refresh_over_the_same_files_row_for_row()
    {
        Run();
        AddSecondDay();
        Run();

        var rebuilt = RunFullRefreshElsewhere();

        foreach (var table in new[] { "orders", "events", "region_totals" })
        {
            Assert.Equal(Everything(rebuilt, table), Everything(Output, table));
        }
    }

    [Fact]
    public void A_full_refresh_rebuilds_the_table_from_every_staging_file_and_resets_its_ledger()
    {
        Run();
        AddSecondDay();
        Run();

        var refresh = Run(fullRefresh: true).Tables.Single(t => t.Table == "orders");

        Assert.Equal("files 2, already 0, read 10, warehouse 5", $"files {refresh.FilesRead}, already {refresh.FilesAlreadyProcessed}, read {refresh.RowsRead}, warehouse {refresh.WarehouseRows}");
        Assert.Equal(["day1.csv", "day2.csv"], File.ReadAllLines(Path.Combine(Output, "_state", "orders", "ledger.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("path").GetString()));
    }

    [Fact]
    public void A_full_refresh_after_staging_lost_processed_files_says_whose_rows_are_gone()
    {
        Run();
        AddSecondDay();
        Run();
        File.Delete(Path.Combine(Staging, "orders", "day1.csv"));

        var orders = Run(fullRefresh: true).Tables.Single(t => t.Table == "orders");

        Assert.Equal(["full refresh: 1 staging file(s) that earlier runs read are gone (day1.csv), so their 4 rows are not in the rebuilt table"], orders.Warnings);
        Assert.Equal(3, orders.WarehouseRows);
    }

    [Fact]
    public void A_second_run_killed_before_it_commits_leaves_everything_as_after_the_first()
    {
        Run();
        var first = Kept();
        AddSecondDay();

        Assert.Equal(FaultPoint.ExitCode, RunKilledAt(FaultPoint.TablesWritten));

        Assert.Equal(first, Kept());
    }

    [Fact]
    public void A_second_run_that_fails_leaves_everything_as_after_the_first()
    {
        Run();
        var first = Kept();
        AddSecondDay();
        Write("staging/events/day3.csv", "order_id,what\nz,placed\n", hoursAgo: 0);

        Assert.Throws<LocalRunException>(() => Run());

        Assert.Equal(first, Kept());
    }

    [Fact]
    public void A_column_added_to_a_table_reads_as_null_in_the_rows_merged_before_it()
    {
        Run();
        ChangeTableDefinition("- { name: version, type: int }", "- { name: version, type: int }\n          - { name: channel, type: string }");
        Write("staging/orders/day2.csv", "order_id,region,amount,version,channel\ne,north,50,1,web\nb,north,25,2,shop\n", hoursAgo: 1);

        Run();

        Assert.Equal(["a,north,10,1,", "b,north,25,2,shop", "c,south,30,1,", "d,south,40,1,", "e,north,50,1,web"],
            Rows(Output, "data-warehouse/orders/", "order_id, region, amount, version, channel", "order_id"));
    }

    [Fact]
    public void After_a_column_was_added_the_incremental_result_equals_a_full_refresh_row_for_row()
    {
        Run();
        AddChannelColumn();
        Run();

        var rebuilt = RunFullRefreshElsewhere();

        Assert.Equal(Everything(rebuilt, "orders"), Everything(Output, "orders"));
    }

    /// <summary>A full refresh over the same staging files into an output of its own; returns its dataset folder.</summary>
    private string RunFullRefreshElsewhere()
    {
        var rebuilt = Path.Combine(_project.Path, "rebuilt");
        Run(fullRefresh: true, output: rebuilt);
        return Path.Combine(rebuilt, "sales");
    }

    [Fact]
    public void A_file_whose_header_lacks_an_optional_column_is_read_with_it_null_and_a_warning()
    {
        Run();
        AddChannelColumn();

        var orders = Run(fullRefresh: true).Tables.Single(t => t.Table == "orders");

        Assert.Equal(["the header of 1 file(s) read this run has no column channel, so their rows have it NULL (optional_in_header)"], orders.Warnings);
        Assert.Equal(["a,", "b,shop", "c,", "d,", "e,web"], Rows(Output, "data-warehouse/orders/", "order_id, channel", "order_id"));
    }

    /// <summary>Declares the column channel (optional_in_header) and adds a second day whose file has it.</summary>
    private void AddChannelColumn()
    {
        ChangeTableDefinition("- { name: version, type: int }", "- { name: version, type: int }\n          - { name: channel, type: string, optional_in_header: true }");
        Write("staging/orders/day2.csv", "order_id,region,amount,version,channel\ne,north,50,1,web\nb,north,25,2,shop\n", hoursAgo: 1);
    }

    [Fact]
    public void A_column_whose_type_changed_stops_the_run_and_leaves_everything_as_it_was() =>
        AssertRefusedAfterChanging(
            "- { name: amount, type: double, rules: { min: 0 } }", "- { name: amount, type: int, rules: { min: 0 } }",
            "Table 'orders': its warehouse files (data-warehouse/orders) store a column with another type than the table definition: "
            + "amount is stored as DOUBLE, the table definition says INTEGER. The files of a table must agree on each column's type. "
            + "Set the type back in the table definition, or rebuild the table from its staging files with run --full-refresh "
            + "(the rows of staging files that are gone are then lost).");

    [Fact]
    public void A_changed_partition_by_stops_the_run_and_leaves_everything_as_it_was() =>
        AssertRefusedAfterChanging(
            "        partition_by:\n          - { name: region }\n", "",
            "Table 'orders': its warehouse files (data-warehouse/orders) are laid out by partition_by [region]; the table definition says partition_by []. "
            + "Set partition_by back, or rebuild the table from its staging files with run --full-refresh (the rows of staging files that are gone are then lost).");

    [Fact]
    public void A_partition_column_whose_new_type_cannot_hold_its_folder_values_stops_the_run_and_leaves_everything_as_it_was() =>
        AssertRefusedAfterChanging(
            "- { name: region, type: string, required: true }", "- { name: region, type: int, required: true }",
            "Table 'orders': its warehouse files (data-warehouse/orders) sit in partition folders whose values do not fit the partition column's type "
            + "in the table definition: region=north is not INTEGER; region=south is not INTEGER. Set the type back in the table definition, "
            + "or rebuild the table from its staging files with run --full-refresh (the rows of staging files that are gone are then lost).");

    [Fact]
    public void A_changed_column_type_of_a_table_without_a_key_stops_the_run_too() =>
        AssertRefusedAfterChanging(
            "- { name: event, type: string }", "- { name: event, type: int }",
            "Table 'events': its warehouse files (data-warehouse/events) store a column with another type than the table definition: "
            + "event is stored as VARCHAR, the table definition says INTEGER.");

    [Fact]
    public void A_column_named_filename_is_read_back_like_any_other()
    {
        ChangeTableDefinition("- { name: event, type: string }", "- { name: filename, from: event, type: string }");
        Run();
        AddSecondDay();

        Run();

        Assert.Equal(["a,placed", "b,changed", "b,placed", "e,placed"], Rows(Output, "data-warehouse/events/", "order_id, filename", "ALL"));
    }

    /// <summary>After a first run, changes the table definition and adds a day: the second run stops with the message and changes nothing.</summary>
    private void AssertRefusedAfterChanging(string from, string to, string message)
    {
        Run();
        var first = Kept();
        ChangeTableDefinition(from, to);
        AddSecondDay();

        var error = Assert.Throws<LocalRunException>(() => Run());

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(first, Kept());
    }

    private void ChangeTableDefinition(string from, string to)
    {
        var path = Path.Combine(_project.Path, "pipeline.yaml");
        var yaml = File.ReadAllText(path);
        Assert.Contains(from, yaml);
        File.WriteAllText(path, yaml.Replace(from, to, StringComparison.Ordinal));
    }

    private int RunKilledAt(string faultPoint) => LocalRunKit.RunKilledAt(faultPoint, "--config-dir", _project.Path, "--staging", Staging, "--out", Out);

    private void Write(string relative, string text, int hoursAgo = 0)
    {
        var path = Path.Combine(_project.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-hoursAgo));
    }

    public void Dispose() => _project.Dispose();
}
