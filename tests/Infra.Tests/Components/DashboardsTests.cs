using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.QuickSight;
using DataPipeline.Components.Dashboards;
using DataPipeline.Tests.Kit;
using DataPipeline.Tests.Spec;
using Newtonsoft.Json.Linq;
using DashboardsConstruct = DataPipeline.Components.Dashboards.Dashboards;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class DashboardsTests
{
    private const string Analysts = "arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts";
    private const string Managers = "arn:aws:quicksight:eu-west-1:123456789012:group/default/managers";

    private static readonly QuickSightColumn Region = new("region", "STRING");
    private static readonly QuickSightColumn Year = new("year", "INTEGER");
    private static readonly QuickSightColumn Amount = new("amount", "DECIMAL");
    private static readonly QuickSightColumn Units = new("units", "INTEGER");

    private static readonly QueryDataSet Sales = new()
    {
        DataSetId = "p-dev-d-query-sales",
        Identifier = "sales",
        Sql = "SELECT region, year, amount, units FROM \"p_dev_d\".\"tbl_sales\"",
        Columns = [Region, Year, Amount, Units],
    };

    private static readonly QueryDataSet SalesSpice = Sales with
    {
        DataSetId = "p-dev-d-query-sales-spice",
        Identifier = "sales_spice",
        Refresh = new SpiceRefresh("WEEKLY", "05:30", "Europe/Berlin", DayOfWeek: "MONDAY"),
    };

    private static QuickSightVisual Visual(string id, ChartType chart) => new()
    {
        VisualId = id,
        Title = $"The {chart}",
        Chart = chart,
        DataSet = "sales",
        Category = chart is ChartType.Kpi or ChartType.Table ? null : Year,
        Values = chart switch
        {
            ChartType.Table => [Region, Year, Amount],
            ChartType.Bar or ChartType.Line => [Amount, Units],
            _ => [Amount],
        },
        Color = chart == ChartType.HeatMap ? Region : null,
        Aggregation = "AVERAGE",
        Horizontal = chart == ChartType.Bar,
        Stacked = chart == ChartType.Bar,
        SortBy = chart == ChartType.Kpi ? null : chart == ChartType.Table ? "amount" : "year",
        SortDescending = chart == ChartType.Table,
        Limit = chart == ChartType.Kpi ? null : 10,
    };

    private static readonly Lazy<TemplateJson> Synthesized = new(() =>
    {
        var stack = TestStack.Create();
        var source = new CfnDataSource(stack, "Source", new CfnDataSourceProps { AwsAccountId = TestStack.Account, DataSourceId = "p-dev-d-athena", Name = "p-dev-d-athena", Type = "ATHENA" });
        _ = new DashboardsConstruct(stack, "Dashboards", new DashboardsProps
        {
            DataSource = source,
            Principals = [Analysts, Managers],
            DataSets = [Sales, SalesSpice],
            Dashboards =
            [
                new QuickSightDashboard
                {
                    DashboardId = "p-dev-d-sales",
                    Name = "Sales overview",
                    DataSets = ["sales"],
                    Sheets =
                    [
                        new QuickSightSheet("overview", "Overview", 2,
                            [Visual("bar", ChartType.Bar), Visual("line", ChartType.Line), Visual("pie", ChartType.Pie) with { Width = 2 }]),
                        new QuickSightSheet("detail", "Detail", 3,
                            [Visual("kpi", ChartType.Kpi), Visual("heatmap", ChartType.HeatMap), Visual("table", ChartType.Table)]),
                    ],
                    Filters =
                    [
                        new QuickSightFilter { FilterId = "filter-1", Title = "Region", DataSet = "sales", Column = Region },
                        new QuickSightFilter { FilterId = "filter-2", Title = "Year", DataSet = "sales", Column = Year, Range = true, Minimum = 2000, Maximum = 2030, Step = 1 },
                    ],
                },
                new QuickSightDashboard
                {
                    DashboardId = "p-dev-d-imported",
                    Name = "Imported",
                    DataSets = ["sales_spice"],
                    Sheets = [new QuickSightSheet("main", "Main", 1, [Visual("kpi-spice", ChartType.Kpi) with { DataSet = "sales_spice" }])],
                },
            ],
        });
        return new TemplateJson(Template.FromStack(stack));
    });

    private static JObject Sales_dashboard => (JObject)Synthesized.Value.OfType("AWS::QuickSight::Dashboard")
        .Single(d => (string?)d.Resource.SelectToken("Properties.DashboardId") == "p-dev-d-sales").Resource;

    private static JObject VisualOf(string id) => (JObject)Sales_dashboard.SelectTokens("Properties.Definition.Sheets[*].Visuals[*]")
        .Single(v => ((JObject)v).Properties().Single().Value["VisualId"]?.ToString() == id);

    [Fact]
    public void Dashboards_template_matches_the_cloudformation_specification()
    {
        var (exitCode, problems) = CloudFormationSpec.Check(new Dictionary<string, string> { ["dashboards"] = Synthesized.Value.Json.ToString() });

        Assert.Empty(problems);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void A_bar_has_category_values_in_their_wells_horizontal_stacked_sorted_and_limited()
    {
        var bar = VisualOf("bar")["BarChartVisual"]!;
        var configuration = bar["ChartConfiguration"]!;
        var wells = configuration.SelectToken("FieldWells.BarChartAggregatedFieldWells")!;

        Assert.Equal("The Bar", (string?)bar.SelectToken("Title.FormatText.PlainText"));
        Assert.Equal("year", (string?)wells.SelectToken("Category[0].NumericalDimensionField.Column.ColumnName"));
        Assert.Equal("sales", (string?)wells.SelectToken("Category[0].NumericalDimensionField.Column.DataSetIdentifier"));
        Assert.Equal(["amount", "units"], wells.SelectTokens("Values[*].NumericalMeasureField.Column.ColumnName").Select(t => (string)t!));
        Assert.All(wells.SelectTokens("Values[*].NumericalMeasureField.AggregationFunction.SimpleNumericalAggregation"), a => Assert.Equal("AVERAGE", (string?)a));
        Assert.Equal("HORIZONTAL", (string?)configuration["Orientation"]);
        Assert.Equal("STACKED", (string?)configuration["BarsArrangement"]);
        Assert.Equal("bar.category.year", (string?)configuration.SelectToken("SortConfiguration.CategorySort[0].FieldSort.FieldId"));
        Assert.Equal("ASC", (string?)configuration.SelectToken("SortConfiguration.CategorySort[0].FieldSort.Direction"));
        Assert.Equal(10, (int)configuration.SelectToken("SortConfiguration.CategoryItemsLimit.ItemsLimit")!);
    }

    [Fact]
    public void A_line_has_one_series_per_value()
    {
        var configuration = VisualOf("line").SelectToken("LineChartVisual.ChartConfiguration")!;

        Assert.Equal("LINE", (string?)configuration["Type"]);
        Assert.Equal(["line.value.amount", "line.value.units"], configuration.SelectTokens("FieldWells.LineChartAggregatedFieldWells.Values[*].NumericalMeasureField.FieldId").Select(t => (string)t!));
        Assert.Equal("line.category.year", (string?)configuration.SelectToken("SortConfiguration.CategorySort[0].FieldSort.FieldId"));
        Assert.Equal(10, (int)configuration.SelectToken("SortConfiguration.CategoryItemsLimitConfiguration.ItemsLimit")!);
    }

    [Fact]
    public void A_pie_has_its_slices_as_category_and_one_value()
    {
        var wells = VisualOf("pie").SelectToken("PieChartVisual.ChartConfiguration.FieldWells.PieChartAggregatedFieldWells")!;

        Assert.Equal("year", (string?)wells.SelectToken("Category[0].NumericalDimensionField.Column.ColumnName"));
        Assert.Equal("amount", (string?)wells.SelectToken("Values[0].NumericalMeasureField.Column.ColumnName"));
        Assert.Single((JArray)wells["Values"]!);
    }

    [Fact]
    public void A_kpi_has_one_value_and_no_category()
    {
        var wells = VisualOf("kpi").SelectToken("KPIVisual.ChartConfiguration.FieldWells")!;

        Assert.Equal("AVERAGE", (string?)wells.SelectToken("Values[0].NumericalMeasureField.AggregationFunction.SimpleNumericalAggregation"));
        Assert.Null(wells["TrendGroups"]);
    }

    [Fact]
    public void A_heatmap_has_x_as_columns_the_group_as_rows_and_one_value()
    {
        var configuration = VisualOf("heatmap").SelectToken("HeatMapVisual.ChartConfiguration")!;
        var wells = configuration.SelectToken("FieldWells.HeatMapAggregatedFieldWells")!;

        Assert.Equal("year", (string?)wells.SelectToken("Columns[0].NumericalDimensionField.Column.ColumnName"));
        Assert.Equal("region", (string?)wells.SelectToken("Rows[0].CategoricalDimensionField.Column.ColumnName"));
        Assert.Equal("amount", (string?)wells.SelectToken("Values[0].NumericalMeasureField.Column.ColumnName"));
        Assert.Equal("heatmap.rows.region", (string?)configuration.SelectToken("SortConfiguration.HeatMapRowSort[0].FieldSort.FieldId"));
    }

    [Fact]
    public void A_table_lists_its_columns_unaggregated_sorted_with_the_limit_as_page_size()
    {
        var configuration = VisualOf("table").SelectToken("TableVisual.ChartConfiguration")!;

        Assert.Equal(["region", "year", "amount"], configuration.SelectTokens("FieldWells.TableUnaggregatedFieldWells.Values[*].Column.ColumnName").Select(t => (string)t!));
        Assert.Equal("table.column.amount", (string?)configuration.SelectToken("SortConfiguration.RowSort[0].FieldSort.FieldId"));
        Assert.Equal("DESC", (string?)configuration.SelectToken("SortConfiguration.RowSort[0].FieldSort.Direction"));
        Assert.Equal(10, (int)configuration.SelectToken("SortConfiguration.PaginationConfiguration.PageSize")!);
    }

    [Fact]
    public void Visuals_fill_each_sheets_grid_row_by_row()
    {
        var elements = Sales_dashboard.SelectTokens("Properties.Definition.Sheets[0].Layouts[0].Configuration.GridLayout.Elements[*]").ToList();

        Assert.Equal(["bar", "line", "pie"], elements.Select(e => (string)e["ElementId"]!));
        Assert.Equal([0, 18, 0], elements.Select(e => (int)e["ColumnIndex"]!));
        Assert.Equal([18, 18, 36], elements.Select(e => (int)e["ColumnSpan"]!));
        Assert.Equal([0, 0, 12], elements.Select(e => (int)e["RowIndex"]!));
    }

    [Fact]
    public void Every_field_id_of_a_dashboard_is_unique()
    {
        var declared = Sales_dashboard.SelectTokens("$..FieldId").Where(t => t.Parent?.Parent?.Parent?.Path.EndsWith("FieldSort", StringComparison.Ordinal) != true && t.Parent?.Parent?.Path.EndsWith("FieldSort", StringComparison.Ordinal) != true)
            .Select(t => (string)t!).ToList();

        Assert.True(declared.Count >= 15);
        Assert.Equal(declared.Count, declared.Distinct().Count());
    }

    [Fact]
    public void A_dropdown_filter_applies_to_every_dataset_with_the_column_on_every_sheet_with_a_control_on_each()
    {
        var group = Sales_dashboard.SelectTokens("Properties.Definition.FilterGroups[*]").Single(g => (string?)g["FilterGroupId"] == "filter-1-group");

        Assert.Equal("ALL_DATASETS", (string?)group["CrossDataset"]);
        Assert.Equal("ENABLED", (string?)group["Status"]);
        Assert.Equal(["overview", "detail"], group.SelectTokens("ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[*].SheetId").Select(t => (string)t!));
        Assert.All(group.SelectTokens("ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[*].Scope"), s => Assert.Equal("ALL_VISUALS", (string?)s));
        Assert.Equal("region", (string?)group.SelectToken("Filters[0].CategoryFilter.Column.ColumnName"));
        Assert.Equal("FILTER_ALL_VALUES", (string?)group.SelectToken("Filters[0].CategoryFilter.Configuration.FilterListConfiguration.SelectAllOptions"));
        var dropdowns = Sales_dashboard.SelectTokens("Properties.Definition.Sheets[*].FilterControls[*].Dropdown").ToList();
        Assert.Equal(["filter-1.overview", "filter-1.detail"], dropdowns.Select(d => (string)d["FilterControlId"]!));
        Assert.All(dropdowns, d => Assert.Equal("filter-1", (string?)d["SourceFilterId"]));
        Assert.All(dropdowns, d => Assert.Equal("MULTI_SELECT", (string?)d["Type"]));
    }

    [Fact]
    public void A_range_filter_has_a_slider_with_its_ends_and_step_on_every_sheet()
    {
        var group = Sales_dashboard.SelectTokens("Properties.Definition.FilterGroups[*]").Single(g => (string?)g["FilterGroupId"] == "filter-2-group");
        var sliders = Sales_dashboard.SelectTokens("Properties.Definition.Sheets[*].FilterControls[*].Slider").ToList();

        Assert.Equal("year", (string?)group.SelectToken("Filters[0].NumericRangeFilter.Column.ColumnName"));
        Assert.Equal(2, sliders.Count);
        Assert.All(sliders, s =>
        {
            Assert.Equal("RANGE", (string?)s["Type"]);
            Assert.Equal(2000, (double)s["MinimumValue"]!);
            Assert.Equal(2030, (double)s["MaximumValue"]!);
            Assert.Equal(1, (double)s["StepSize"]!);
            Assert.Equal("filter-2", (string?)s["SourceFilterId"]);
        });
    }

    [Fact]
    public void Every_dashboard_is_shared_with_every_principal_as_a_reader()
    {
        foreach (var (_, dashboard) in Synthesized.Value.OfType("AWS::QuickSight::Dashboard"))
        {
            var permissions = dashboard.SelectTokens("Properties.Permissions[*]").ToList();
            Assert.Equal([Analysts, Managers], permissions.Select(p => (string)p["Principal"]!));
            Assert.All(permissions, p => Assert.Equal(
                ["quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:QueryDashboard"],
                p["Actions"]!.Select(a => (string)a!)));
        }
    }

    [Fact]
    public void Every_dataset_is_shared_with_every_principal_and_may_not_be_changed_by_them()
    {
        foreach (var (_, dataSet) in Synthesized.Value.OfType("AWS::QuickSight::DataSet"))
        {
            var permissions = dataSet.SelectTokens("Properties.Permissions[*]").ToList();
            Assert.Equal([Analysts, Managers], permissions.Select(p => (string)p["Principal"]!));
            Assert.All(permissions, p => Assert.DoesNotContain(p["Actions"]!.Select(a => (string)a!), a => a.StartsWith("quicksight:Update", StringComparison.Ordinal) || a.StartsWith("quicksight:Delete", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_query_dataset_runs_its_sql_on_the_athena_data_source_with_typed_columns()
    {
        var dataSet = Synthesized.Value.OfType("AWS::QuickSight::DataSet").Single(d => (string?)d.Resource.SelectToken("Properties.DataSetId") == "p-dev-d-query-sales").Resource;
        var sql = dataSet.SelectToken("Properties.PhysicalTableMap.Query.CustomSql")!;

        Assert.Equal("DIRECT_QUERY", (string?)dataSet.SelectToken("Properties.ImportMode"));
        Assert.Equal(Sales.Sql, (string?)sql["SqlQuery"]);
        Assert.Equal("Source", ((string?)sql.SelectToken("DataSourceArn['Fn::GetAtt'][0]"))![..6]);
        Assert.Equal(["region:STRING", "year:INTEGER", "amount:DECIMAL", "units:INTEGER"], sql.SelectTokens("Columns[*]").Select(c => $"{c["Name"]}:{c["Type"]}"));
    }

    [Fact]
    public void A_spice_dataset_is_refreshed_on_its_schedule_and_a_direct_query_one_is_not()
    {
        var template = Synthesized.Value;
        var refresh = template.Single("AWS::QuickSight::RefreshSchedule");

        template.Template.ResourceCountIs("AWS::QuickSight::RefreshSchedule", 1);
        Assert.Equal("p-dev-d-query-sales-spice", (string?)refresh.SelectToken("Properties.DataSetId"));
        Assert.Equal("FULL_REFRESH", (string?)refresh.SelectToken("Properties.Schedule.RefreshType"));
        Assert.Equal("WEEKLY", (string?)refresh.SelectToken("Properties.Schedule.ScheduleFrequency.Interval"));
        Assert.Equal("05:30", (string?)refresh.SelectToken("Properties.Schedule.ScheduleFrequency.TimeOfTheDay"));
        Assert.Equal("Europe/Berlin", (string?)refresh.SelectToken("Properties.Schedule.ScheduleFrequency.TimeZone"));
        Assert.Equal("MONDAY", (string?)refresh.SelectToken("Properties.Schedule.ScheduleFrequency.RefreshOnDay.DayOfWeek"));
        var spice = template.OfType("AWS::QuickSight::DataSet").Single(d => (string?)d.Resource.SelectToken("Properties.DataSetId") == "p-dev-d-query-sales-spice");
        Assert.Equal("SPICE", (string?)spice.Resource.SelectToken("Properties.ImportMode"));
        Assert.Contains(spice.Id, refresh["DependsOn"]!.Select(d => (string)d!));
    }

    [Fact]
    public void A_dashboard_declares_the_datasets_it_reads_and_waits_for_them()
    {
        var declarations = Sales_dashboard.SelectTokens("Properties.Definition.DataSetIdentifierDeclarations[*]").ToList();
        var salesId = Synthesized.Value.OfType("AWS::QuickSight::DataSet").Single(d => (string?)d.Resource.SelectToken("Properties.DataSetId") == "p-dev-d-query-sales").Id;

        Assert.Equal(["sales"], declarations.Select(d => (string)d["Identifier"]!));
        Assert.Equal(salesId, (string?)declarations[0].SelectToken("DataSetArn['Fn::GetAtt'][0]"));
        Assert.Contains(salesId, Sales_dashboard["DependsOn"]!.Select(d => (string)d!));
    }

    [Fact]
    public void Dashboards_refuse_to_be_shared_with_nobody()
    {
        var stack = TestStack.Create();
        var source = new CfnDataSource(stack, "Source", new CfnDataSourceProps { AwsAccountId = TestStack.Account, DataSourceId = "s", Name = "s", Type = "ATHENA" });

        var error = Assert.Throws<ArgumentException>(() => new DashboardsConstruct(stack, "Dashboards", new DashboardsProps { DataSource = source, Principals = [], DataSets = [], Dashboards = [] }));

        Assert.Equal("Principals must list at least one QuickSight user or group, or nobody could open the dashboards. (Parameter 'props')", error.Message);
    }
}
