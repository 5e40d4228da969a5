using System.Globalization;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;
using ScottPlot;

namespace DataPipeline.Local.Report;

/// <summary>Inline SVG charts drawn with ScottPlot: a query's second column against its first.</summary>
internal static class QueryChart
{
    private const int Width = 860;
    private const int Height = 360;

    public static string Svg(QueryRunResult result, ChartKind kind)
    {
        var rows = result.Rows.Where(r => r[1] is not null).ToList();
        var labels = rows.Select(r => r[0] is null ? "(null)" : CsvText.Text(r[0])).ToArray();
        var values = rows.Select(r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture)).ToArray();
        var plot = new Plot();
        var numericX = rows.All(r => ChartChoice.IsNumber(r[0]));
        if (kind == ChartKind.Line && numericX)
        {
            var xs = rows.Select(r => Convert.ToDouble(r[0], CultureInfo.InvariantCulture)).ToArray();
            plot.Add.Scatter(xs, values);
        }
        else
        {
            var positions = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
            if (kind == ChartKind.Line)
            {
                plot.Add.Scatter(positions, values);
            }
            else
            {
                plot.Add.Bars(positions, values);
                plot.Axes.Margins(bottom: 0);
            }
            plot.Axes.Bottom.SetTicks(positions, labels);
            if (labels.Length > 8 || labels.Any(l => l.Length > 8))
            {
                plot.Axes.Bottom.TickLabelStyle.Rotation = -40;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            }
        }
        plot.XLabel(result.Columns[0]);
        plot.YLabel(result.Columns[1]);
        return Inline(plot.GetSvgXml(Width, Height));
    }

    /// <summary>Bytes per table: staging next to Parquet, in MB.</summary>
    public static string Bytes(IReadOnlyList<(string Table, long Staging, long Parquet)> tables)
    {
        var plot = new Plot();
        var staging = plot.Add.Bars(tables.Select((_, i) => i * 3.0).ToArray(), tables.Select(t => t.Staging / 1e6).ToArray());
        staging.LegendText = "staging (CSV)";
        var parquet = plot.Add.Bars(tables.Select((_, i) => i * 3.0 + 1).ToArray(), tables.Select(t => t.Parquet / 1e6).ToArray());
        parquet.LegendText = "warehouse (Parquet)";
        plot.Axes.Bottom.SetTicks(tables.Select((_, i) => i * 3.0 + 0.5).ToArray(), tables.Select(t => t.Table).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("MB");
        plot.ShowLegend(Alignment.UpperRight);
        return Inline(plot.GetSvgXml(Width, 300));
    }

    /// <summary>The svg element alone: no XML prolog, no namespace URLs (the HTML parser puts svg in its namespace).</summary>
    private static string Inline(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..]
            .Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal)
            .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", StringComparison.Ordinal);
    }
}
