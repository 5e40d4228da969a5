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
        var values = rows.Select(r => ChartChoice.ToDouble(r[1]!)).ToArray();
        if (kind == ChartKind.Bar)
        {
            return HorizontalBars(result, labels, values);
        }
        var plot = new Plot();
        if (rows.All(r => ChartChoice.IsNumber(r[0])))
        {
            var xs = rows.Select(r => ChartChoice.ToDouble(r[0]!)).ToArray();
            plot.Add.Scatter(xs, values);
            // Years are numbers too: no thousands separator in tick labels (1,975).
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = value => value.ToString("0.###", CultureInfo.InvariantCulture),
            };
        }
        else
        {
            var positions = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
            plot.Add.Scatter(positions, values);
            plot.Axes.Bottom.SetTicks(positions, labels);
        }
        plot.XLabel(result.Columns[0]);
        plot.YLabel(result.Columns[1]);
        return Inline(plot.GetSvgXml(Width, Height));
    }

    /// <summary>One bar per row, top to bottom in result order, so long labels stay readable.</summary>
    private static string HorizontalBars(QueryRunResult result, string[] labels, double[] values)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, labels.Length).Select(i => (double)(labels.Length - 1 - i)).ToArray();
        var bars = plot.Add.Bars(positions, values);
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, labels);
        plot.Axes.Margins(left: 0);
        plot.XLabel(result.Columns[1]);
        plot.YLabel(result.Columns[0]);
        return Inline(plot.GetSvgXml(Width, Math.Max(220, 26 * labels.Length + 90)));
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

    /// <summary>
    /// The svg element alone: no XML prolog, no namespace URLs (the HTML parser puts svg in its namespace), and a
    /// generic font stack instead of the one font SkiaSharp found on this machine.
    /// </summary>
    private static string Inline(string svg)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return svg[start..]
            .Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal)
            .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", StringComparison.Ordinal)
            .Replace("font-family=\"DejaVu Serif\"", "font-family=\"system-ui, 'DejaVu Sans', sans-serif\"", StringComparison.Ordinal);
    }
}
