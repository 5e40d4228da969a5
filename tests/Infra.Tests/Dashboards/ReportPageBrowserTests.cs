using System.Diagnostics;
using System.Text.Json;
using DataPipeline.Config.Checks;
using DataPipeline.Config.Dashboards;
using DataPipeline.Config.Model;
using DataPipeline.Config.Model.Dashboards;
using DataPipeline.Local;
using DataPipeline.Local.Report;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Dashboards;

/// <summary>
/// Renders a report of a fixture run with one dashboard of every visual kind and opens it once in headless Chromium
/// (tests/browser/report-page.js, playwright-core with Debian's chromium). Without chromium this fails, never skips.
/// </summary>
public sealed class ReportPageBrowserTests : IClassFixture<ReportPageBrowserTests.OpenedPage>
{
    private readonly JsonElement _page;

    public ReportPageBrowserTests(OpenedPage page) => _page = page.Result;

    private static readonly DescribedColumn Region = new("region", "string");
    private static readonly DescribedColumn Year = new("year", "int");
    private static readonly DescribedColumn Amount = new("amount", "double");
    private static readonly DescribedColumn Units = new("units", "bigint");
    private static readonly DescribedColumn[] Columns = [Region, Year, Amount, Units];

    private static readonly object?[][] Rows =
    [
        ["east", 2020, 10.0, 1L], ["east", 2021, 20.0, 2L], ["west", 2020, 5.0, 3L],
        ["west", 2021, 7.0, 4L], ["north", 2022, 1.0, 5L], ["north", 2021, 2.0, 6L],
    ];

    private static DashboardVisual Visual(string id, VisualKind kind) => new()
    {
        Id = id,
        Query = "sales",
        Kind = kind,
        Title = "The " + kind,
        X = kind switch { VisualKind.Kpi or VisualKind.Table => null, VisualKind.Line or VisualKind.Heatmap => Year, _ => Region },
        Values = kind switch { VisualKind.Table => [], VisualKind.Bar or VisualKind.Line => [Amount, Units], _ => [Amount] },
        Group = kind == VisualKind.Heatmap ? Region : null,
        Columns = Columns,
        Sort = kind switch
        {
            VisualKind.Kpi => null,
            VisualKind.Table => new SortOrder("amount", Descending: true),
            VisualKind.Line or VisualKind.Heatmap => new SortOrder("year", Descending: false),
            _ => new SortOrder("amount", Descending: true),
        },
    };

    private static readonly Dashboard Fixture = new()
    {
        Name = "sales",
        Title = "Sales",
        ImportMode = ImportMode.DirectQuery,
        Refresh = new RefreshDefinition(),
        Filters =
        [
            new DashboardFilter { Id = "filter-1", Column = Region, Control = FilterControl.Dropdown, Title = "Region" },
            new DashboardFilter { Id = "filter-2", Column = Year, Control = FilterControl.Range, Title = "Year", Min = 2020, Max = 2022, Step = 1 },
        ],
        Sheets =
        [
            new DashboardSheet("charts", "Charts", 2, [Visual("bar", VisualKind.Bar), Visual("line", VisualKind.Line), Visual("pie", VisualKind.Pie)]),
            new DashboardSheet("numbers", "Numbers", 2, [Visual("kpi", VisualKind.Kpi), Visual("heatmap", VisualKind.Heatmap), Visual("table", VisualKind.Table)]),
        ],
    };

    private static DatasetRunResult Run(string folder) => new()
    {
        Dataset = "shop",
        Environment = "dev",
        Database = "p_dev_shop",
        OutputFolder = folder,
        Tables = [],
        Derived = [],
        Queries =
        [
            new QueryRunResult { Name = "sales", Chart = ChartKind.Table, Columns = Columns.Select(c => c.Name).ToList(), Rows = Rows, RowCount = Rows.Count(), Elapsed = TimeSpan.Zero },
        ],
        Phases = new Dictionary<string, TimeSpan>(),
        Elapsed = TimeSpan.FromSeconds(1),
    };

    private JsonElement Visuals(string state) => _page.GetProperty(state);

    private static JsonElement Find(JsonElement visuals, string id) => visuals.EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static double[] Numbers(JsonElement visual) => visual.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Fact]
    public void Every_visual_of_every_sheet_draws_its_marks()
    {
        var before = Visuals("before");
        foreach (var id in new[] { "bar", "line", "pie", "kpi", "heatmap", "table" })
        {
            var visual = Find(before, id);
            Assert.True(visual.GetProperty("marks").GetInt32() > 0, $"{id} drew nothing");
            Assert.Equal(id is not ("kpi" or "table"), visual.GetProperty("svg").GetBoolean());
            Assert.Equal(id == "table", visual.GetProperty("table").GetBoolean());
        }
    }

    [Fact]
    public void Aggregates_are_drawn_as_the_visual_says()
    {
        var before = Visuals("before");

        // Bar: amount and units per region, sorted by amount, largest first: east 30/3, west 12/7, north 3/11.
        Assert.Equal([30, 3, 12, 7, 3, 11], Numbers(Find(before, "bar")));
        Assert.Equal([45], Numbers(Find(before, "kpi")));
        // Heatmap: years 2020, 2021, 2022 (columns) by regions drawn from the last row up.
        Assert.Equal(6, Find(before, "heatmap").GetProperty("marks").GetInt32());
    }

    [Fact]
    public void Several_value_columns_show_as_several_series()
    {
        // Line: amount and units by year 2020..2022, one series after the other.
        Assert.Equal([15, 29, 1, 4, 12, 5], Numbers(Find(Visuals("before"), "line")));
    }

    [Fact]
    public void Picking_a_value_of_a_dropdown_filter_redraws_every_visual()
    {
        var dropdown = _page.GetProperty("dropdown");
        var after = dropdown.GetProperty("after");

        Assert.Equal("east", dropdown.GetProperty("picked").GetString());
        Assert.Equal([30, 3], Numbers(Find(after, "bar")));
        Assert.Equal([30], Numbers(Find(after, "kpi")));
        Assert.Equal([10, 20, 1, 2], Numbers(Find(after, "line")));
        foreach (var id in new[] { "pie", "heatmap", "table" })
        {
            Assert.NotEqual(Find(Visuals("before"), id).GetProperty("values").ToString(), Find(after, id).GetProperty("values").ToString());
        }
    }

    [Fact]
    public void Moving_a_range_filter_redraws_the_visuals_with_the_rows_in_range()
    {
        var range = _page.GetProperty("range");

        Assert.Equal(2021, range.GetProperty("lower").GetDouble());
        Assert.Equal([30], Numbers(Find(range.GetProperty("after"), "kpi")));
        Assert.Equal([29, 1, 12, 5], Numbers(Find(range.GetProperty("after"), "line")));
    }

    [Fact]
    public void A_table_sorts_by_a_header_click_first_ascending_then_descending()
    {
        var sort = _page.GetProperty("tableSort");

        Assert.Equal(["east", "east", "north", "north", "west", "west"], sort.GetProperty("ascending").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["west", "west", "north", "north", "east", "east"], sort.GetProperty("descending").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void A_hovered_mark_shows_its_value()
    {
        Assert.Equal("east · amount: 30", _page.GetProperty("tooltip").GetString());
    }

    [Fact]
    public void The_page_makes_no_network_request_and_throws_no_error()
    {
        Assert.Equal([_page.GetProperty("url").GetString()], _page.GetProperty("requests").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(_page.GetProperty("errors").EnumerateArray());
    }

    /// <summary>The page, rendered and opened once for all the tests of the class.</summary>
    public sealed class OpenedPage : IDisposable
    {
        private readonly TemporaryFolder _folder = new();

        public OpenedPage()
        {
            var file = Path.Combine(_folder.Path, "report.html");
            File.WriteAllText(file, RunReport.Html(Run(_folder.Path), [Fixture]));
            Result = Open(file);
        }

        public JsonElement Result { get; }

        public void Dispose() => _folder.Dispose();

        private static JsonElement Open(string file)
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
            start.ArgumentList.Add(Path.Combine(RepoRoot.Path, "tests", "browser", "report-page.js"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The browser did not finish the report page within 60 s.");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tests/browser/report-page.js failed ({process.ExitCode}): {error}{output.Result}");
            }
            return JsonDocument.Parse(output.Result).RootElement.Clone();
        }
    }
}
