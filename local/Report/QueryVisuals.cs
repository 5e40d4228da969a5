using DataPipeline.Config.Checks;
using DataPipeline.Config.Dashboards;
using DataPipeline.Config.Model;
using DataPipeline.Config.Model.Dashboards;

namespace DataPipeline.Local.Report;

/// <summary>
/// The chart: shorthand of a saved query: a one-visual dashboard of its result, bar or line of the second column by
/// the first (auto picks from the result's shape, as before), or a table. Categories keep the query's order.
/// </summary>
internal static class QueryVisuals
{
    public static Dashboard Of(QueryRunResult result)
    {
        var columns = result.Columns.Select((name, i) => new DescribedColumn(name, TypeOf(result, i))).ToList();
        var kind = ChartChoice.For(result) switch
        {
            ChartKind.Bar => VisualKind.Bar,
            ChartKind.Line => VisualKind.Line,
            _ => VisualKind.Table,
        };
        var visual = new DashboardVisual
        {
            Id = "query-" + result.Name,
            Query = result.Name,
            Kind = kind,
            Title = result.Name,
            X = kind == VisualKind.Table ? null : columns[0],
            Values = kind == VisualKind.Table ? [] : [columns[1]],
            Columns = columns,
            Orientation = BarOrientation.Horizontal,
            Width = 1,
        };
        return new Dashboard
        {
            Name = "query-" + result.Name,
            Title = result.Name,
            ImportMode = ImportMode.DirectQuery,
            Refresh = new RefreshDefinition(),
            Filters = [],
            Sheets = [new DashboardSheet("result", result.Name, 1, [visual])],
        };
    }

    /// <summary>The type of a column as its values show it, since a shorthand has no described columns to hand.</summary>
    private static string TypeOf(QueryRunResult result, int column)
    {
        var values = result.Rows.Select(r => r[column]).Where(v => v is not null).ToList();
        return values.Count switch
        {
            0 => "string",
            _ when values.All(ChartChoice.IsNumber) => "double",
            _ when values.All(v => v is bool) => "boolean",
            _ when values.All(v => v is DateTime or DateOnly) => "date",
            _ => "string",
        };
    }
}
