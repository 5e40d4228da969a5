using DataPipeline.Components.Dashboards;
using DataPipeline.Config;
using DataPipeline.Config.Checks;
using DataPipeline.Config.Dashboards;
using DataPipeline.Config.Model;
using DataPipeline.Config.Model.Dashboards;

namespace DataPipeline.Stacks;

/// <summary>The dashboards of a dataset plan in the terms of the Dashboards construct: datasets per query and mode, and definitions.</summary>
internal static class DashboardSpecs
{
    public static (IReadOnlyList<QueryDataSet> DataSets, IReadOnlyList<QuickSightDashboard> Dashboards) Of(DatasetPlan plan, IReadOnlyList<Dashboard> dashboards)
    {
        var dataSets = new Dictionary<string, QueryDataSet>(StringComparer.Ordinal);
        foreach (var dashboard in dashboards)
        {
            var spice = dashboard.ImportMode == ImportMode.Spice;
            foreach (var query in dashboard.Queries)
            {
                var identifier = Identifier(query, spice);
                if (dataSets.ContainsKey(identifier))
                {
                    continue;
                }
                var definition = plan.Dataset.Queries.Single(q => q.Name == query);
                dataSets[identifier] = new QueryDataSet
                {
                    DataSetId = plan.Names.QuickSightQueryDataSet(query, spice),
                    Identifier = identifier,
                    Sql = QueryTemplate.Fill(File.ReadAllText(Path.Combine(plan.Pipeline.RootDirectory, definition.SqlFile)), plan).Trim().TrimEnd(';'),
                    Columns = plan.Schema.Queries[query].Select(Column).ToList(),
                    Refresh = spice ? Refresh(dashboard.Refresh) : null,
                };
            }
        }
        var specs = dashboards.Select(dashboard =>
        {
            var spice = dashboard.ImportMode == ImportMode.Spice;
            return new QuickSightDashboard
            {
                DashboardId = plan.Names.QuickSightDashboard(dashboard.Name),
                Name = dashboard.Title,
                DataSets = dashboard.Queries.Select(q => Identifier(q, spice)).ToList(),
                Sheets = dashboard.Sheets.Select(sheet => new QuickSightSheet(sheet.Name, sheet.Title, sheet.Columns,
                    sheet.Visuals.Select(v => Visual(v, spice)).ToList())).ToList(),
                Filters = dashboard.Filters.Select(filter => new QuickSightFilter
                {
                    FilterId = filter.Id,
                    Title = filter.Title,
                    DataSet = Identifier(dashboard.Queries.First(q => plan.Schema.Queries[q].Any(c => c.Name == filter.Column.Name)), spice),
                    Column = Column(filter.Column),
                    Range = filter.Control == FilterControl.Range,
                    Minimum = (double)filter.Min,
                    Maximum = (double)filter.Max,
                    Step = (double)filter.Step,
                }).ToList(),
            };
        }).ToList();
        return (dataSets.Values.ToList(), specs);
    }

    private static string Identifier(string query, bool spice) => spice ? query + "_spice" : query;

    /// <summary>A result column as QuickSight types it; query results may hold types the warehouse does not (smallint, float).</summary>
    public static QuickSightColumn Column(DescribedColumn column) => new(column.Name, column.Type switch
    {
        "int" or "bigint" or "smallint" or "tinyint" => "INTEGER",
        "boolean" => "BOOLEAN",
        var type when ColumnTypes.IsNumeric(type) => "DECIMAL",
        var type when ColumnTypes.IsTemporal(type) => "DATETIME",
        _ => "STRING",
    });

    private static QuickSightVisual Visual(DashboardVisual visual, bool spice) => new()
    {
        VisualId = visual.Id,
        Title = visual.Title,
        Chart = visual.Kind switch
        {
            VisualKind.Bar => ChartType.Bar,
            VisualKind.Line => ChartType.Line,
            VisualKind.Table => ChartType.Table,
            VisualKind.Kpi => ChartType.Kpi,
            VisualKind.Heatmap => ChartType.HeatMap,
            _ => ChartType.Pie,
        },
        DataSet = Identifier(visual.Query, spice),
        Category = visual.X is null ? null : Column(visual.X),
        Values = (visual.Kind == VisualKind.Table ? visual.Columns : visual.Values).Select(Column).ToList(),
        Color = visual.Group is null ? null : Column(visual.Group),
        Aggregation = visual.Aggregation switch
        {
            Aggregation.Avg => "AVERAGE",
            Aggregation.DistinctCount => "DISTINCT_COUNT",
            var other => other.ToString().ToUpperInvariant(),
        },
        Horizontal = visual.Orientation == BarOrientation.Horizontal,
        Stacked = visual.Arrangement == BarArrangement.Stacked,
        SortBy = visual.Sort?.Column,
        SortDescending = visual.Sort?.Descending ?? false,
        Limit = visual.Limit,
        Width = visual.Width,
    };

    private static SpiceRefresh Refresh(RefreshDefinition refresh) => new(
        refresh.Every.ToString().ToUpperInvariant(),
        refresh.At,
        refresh.Timezone,
        refresh.Every == RefreshInterval.Weekly ? (refresh.Day ?? "monday").ToUpperInvariant() : null,
        refresh.Every == RefreshInterval.Monthly ? refresh.Day ?? "1" : null);
}
