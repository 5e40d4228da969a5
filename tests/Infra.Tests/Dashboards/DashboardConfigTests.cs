using DataPipeline.Config.Dashboards;
using DataPipeline.Config.Model.Dashboards;
using DataPipeline.Tests.Config;

namespace DataPipeline.Tests.Dashboards;

/// <summary>The dashboards: section is checked against the described columns of its queries when the configuration loads.</summary>
public sealed class DashboardConfigTests : IDisposable
{
    private const string Queries = "    queries:\n      - { name: daily_total, sql: sql/sales/daily_total.sql }\n";

    private readonly ConfigFiles _files = new();

    public DashboardConfigTests()
    {
        _files.Files["sql/sales/order_lines.sql"] =
            "SELECT order_id, ordered_on, amount, CAST(amount > 10 AS VARCHAR) AS size FROM \"{{database}}\".\"tbl_orders\"";
    }

    public void Dispose() => _files.Dispose();

    /// <summary>Line 19 holds the dashboard's name, the next lines its own keys, then the sheet and its first visual.</summary>
    private ConfigFiles WithDashboard(string visual, string dashboardKeys = "", string sheetKeys = "") => _files.Change("pipeline.yaml", Queries, Queries + $"""
              - {"{"} name: order_lines, sql: sql/sales/order_lines.sql, description: Every order {"}"}
            dashboards:
              - name: sales{dashboardKeys}
                sheets:
                  - name: overview{sheetKeys}
                    visuals:
                      - {visual}

        """);

    private void AssertSingleError(string expected) => Assert.Equal([expected], _files.Errors());

    private const string Visual = "datasets[sales].dashboards[sales].sheets[overview].visuals[0]";

    [Fact]
    public void A_one_line_visual_takes_the_first_text_column_as_x_and_the_first_numeric_column_as_y()
    {
        WithDashboard("{ query: order_lines, kind: bar }");
        var config = _files.Load();
        var plan = config.Plan("dev").Single();

        var visual = DashboardResolver.For(plan).Single().Visuals.Single();

        Assert.Equal("order_id", visual.X!.Name);
        Assert.Equal(["amount"], visual.Values.Select(v => v.Name));
        Assert.Equal(new SortOrder("amount", Descending: true), visual.Sort);
        Assert.Equal("Every order", visual.Title);
        Assert.Equal(Aggregation.Sum, visual.Aggregation);
    }

    [Fact]
    public void A_line_over_a_date_is_sorted_by_the_date()
    {
        WithDashboard("{ query: order_lines, kind: line, x: ordered_on }");
        var visual = DashboardResolver.For(_files.Load().Plan("dev").Single()).Single().Visuals.Single();

        Assert.Equal(new SortOrder("ordered_on", Descending: false), visual.Sort);
        Assert.Equal("date", visual.X!.Type);
    }

    [Fact]
    public void Unknown_query_is_rejected_with_the_closest_saved_query()
    {
        WithDashboard("{ query: order_line, kind: bar }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.query' is 'order_line', which is not a saved query of dataset 'sales'; did you mean 'order_lines'?");
    }

    [Fact]
    public void A_field_that_is_not_a_column_of_the_result_is_rejected_with_the_columns()
    {
        WithDashboard("{ query: order_lines, kind: bar, y: [total] }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.y' has 'total', which is not a column of query 'order_lines'; its columns are order_id, ordered_on, amount, size.");
    }

    [Fact]
    public void A_text_value_is_rejected_unless_it_is_counted()
    {
        WithDashboard("{ query: order_lines, kind: bar, x: ordered_on, y: [size] }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.y' has 'size', a string column; a bar needs numeric values, or aggregation: count to count rows.");
    }

    [Fact]
    public void A_counted_text_value_is_accepted()
    {
        WithDashboard("{ query: order_lines, kind: pie, x: size, y: [order_id], aggregation: count }");
        Assert.Empty(_files.Errors());
    }

    [Fact]
    public void A_pie_with_two_values_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: pie, x: size, y: [amount, amount] }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.y' has 2 columns, but a pie shows one value; keep one.");
    }

    [Fact]
    public void A_kpi_with_a_category_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: kpi, x: size }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.x' does not apply to a kpi, which shows one number; remove it.");
    }

    [Fact]
    public void A_table_with_values_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: table, y: [amount] }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.y' does not apply to a table, which shows every column of its query; remove it (sort and limit choose its rows).");
    }

    [Fact]
    public void A_group_with_several_values_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar, x: ordered_on, group: size, y: [amount, amount] }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.group' splits one value into series, but y has 2 columns; keep one value or remove group.");
    }

    [Fact]
    public void Orientation_on_a_line_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: line, orientation: horizontal }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.orientation' applies only to kind: bar, and this visual is a line; remove it.");
    }

    [Fact]
    public void Sorting_by_a_column_that_is_not_a_field_of_the_visual_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar, sort: ordered_on desc }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.sort' is by 'ordered_on', which is not a field of the visual (order_id, amount); sort by x or a value.");
    }

    [Fact]
    public void A_visual_wider_than_its_sheet_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar, width: 3 }", sheetKeys: "\n            columns: 2");
        AssertSingleError($"pipeline.yaml line 24: '{Visual}.width' is 3, but sheet 'overview' has 2 columns; make it at most 2 or widen the sheet with columns.");
    }

    [Fact]
    public void A_filter_on_a_column_no_query_of_the_dashboard_returns_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar }", dashboardKeys: "\n        filters: [{ column: region }]");
        AssertSingleError("pipeline.yaml line 20: 'datasets[sales].dashboards[sales].filters[0].column' is 'region', which no query of the dashboard returns (order_lines); filter a column of their results.");
    }

    [Fact]
    public void A_dropdown_on_a_numeric_column_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar }", dashboardKeys: "\n        filters: [{ column: amount }]");
        AssertSingleError("pipeline.yaml line 20: 'datasets[sales].dashboards[sales].filters[0].column' is 'amount', a double column; a dropdown picks text values, so use control: range for numbers.");
    }

    [Fact]
    public void A_range_filter_needs_both_ends_of_its_slider()
    {
        WithDashboard("{ query: order_lines, kind: bar }", dashboardKeys: "\n        filters: [{ column: amount, control: range, min: 0 }]");
        AssertSingleError("pipeline.yaml line 20: 'datasets[sales].dashboards[sales].filters[0].max' is missing; a range filter needs min and max, the ends of its slider.");
    }

    [Fact]
    public void A_range_filter_on_text_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar }", dashboardKeys: "\n        filters: [{ column: size, control: range, min: 0, max: 1 }]");
        AssertSingleError("pipeline.yaml line 20: 'datasets[sales].dashboards[sales].filters[0].column' is 'size', a string column; a range needs a numeric column, so use control: dropdown for text.");
    }

    [Fact]
    public void A_refresh_without_spice_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar }", dashboardKeys: "\n        refresh: { every: daily }");
        AssertSingleError("pipeline.yaml line 20: 'datasets[sales].dashboards[sales].refresh' applies only to import_mode: spice (direct_query reads Athena at each view); remove it or set import_mode: spice.");
    }

    [Fact]
    public void A_weekly_refresh_on_a_day_that_is_not_a_weekday_is_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar }", dashboardKeys: "\n        import_mode: spice\n        refresh: { every: weekly, day: funday }");
        AssertSingleError("pipeline.yaml line 21: 'datasets[sales].dashboards[sales].refresh.day' is 'funday'; a weekly refresh runs on a weekday, monday to sunday.");
    }

    [Fact]
    public void An_unknown_visual_kind_is_rejected_with_the_kinds()
    {
        WithDashboard("{ query: order_lines, kind: donut }");
        AssertSingleError($"pipeline.yaml line 23: '{Visual}.kind' must be one of bar, line, table, kpi, heatmap, pie, not 'donut'.");
    }

    [Fact]
    public void Two_dashboards_with_one_name_are_rejected()
    {
        WithDashboard("{ query: order_lines, kind: bar }");
        _files.Change("pipeline.yaml", "      - name: sales\n        sheets:", "      - name: sales\n        sheets: [{ name: a, visuals: [{ query: order_lines, kind: kpi }] }]\n      - name: Sales\n        sheets:");
        AssertSingleError("pipeline.yaml line 21: 'datasets[sales].dashboards[Sales].name' repeats the dashboard 'sales' defined at line 19 (names are compared ignoring case); rename or remove one.");
    }
}
