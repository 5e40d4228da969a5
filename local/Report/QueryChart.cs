using System.Globalization;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;
using ScottPlot;

namespace DataPipeline.Local.Report;

/// <summary>Inline SVG charts of the run drawn with ScottPlot (the dashboards draw themselves in the browser).</summary>
internal static class QueryChart
{
    private const int Width = 860;
    private const int Height = 360;

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
