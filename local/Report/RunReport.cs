using System.Globalization;
using System.Net;
using System.Text;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;

namespace DataPipeline.Local.Report;

/// <summary>
/// report.html: one self-contained page per dataset run (inline CSS, SVG and script, no network), with the dataset's
/// dashboards, what each table's cleaning did and each saved query's result as a one-visual dashboard (its chart:
/// shorthand). Every text from data or config is HTML-escaped.
/// </summary>
internal static class RunReport
{
    private const int ResultRowsShown = 100;

    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 920px; color: #1b1f24; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d0d7de; }
        h3 { margin-bottom: .2rem; } .muted { color: #57606a; } code { background: #f3f4f6; padding: 0 .25rem; }
        table { border-collapse: collapse; margin: .6rem 0; } th, td { padding: .25rem .6rem; border-bottom: 1px solid #e5e7eb; }
        th { text-align: left; background: #f6f8fa; } td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        section.query { margin-bottom: 1.6rem; } svg { max-width: 100%; height: auto; }
        details summary { cursor: pointer; color: #0969da; } ul.warnings li { color: #9a6700; }
        """;

    public static string Html(DatasetRunResult run) => Html(run, []);

    /// <param name="dashboards">The dataset's dashboards, drawn first, as QuickSight shows them.</param>
    public static string Html(DatasetRunResult run, IReadOnlyList<Config.Dashboards.Dashboard> dashboards)
    {
        var queryVisuals = run.Queries.Select(QueryVisuals.Of).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>{E(run.Dataset)} ({E(run.Environment)}): local pipeline run</title><style>{Style}{DashboardPage.Style}</style></head><body>\n");
        html.Append($"<h1>{E(run.Dataset)} <span class=\"muted\">({E(run.Environment)})</span></h1>\n");
        html.Append($"<p class=\"muted\">Local run on DuckDB in {Seconds(run.Elapsed)}. Catalog schema <code>{E(run.Database)}</code> in <code>{E(DatasetRunner.DatabaseFile)}</code>.</p>\n");
        html.Append(DashboardPage.Html(dashboards.Select(d => (d, Truncation(d, run))).ToList(), run.Queries));
        Tables(html, run);
        Derived(html, run);
        Queries(html, run, queryVisuals);
        html.Append("<div class=\"tip\" role=\"tooltip\"></div>\n");
        html.Append(DashboardPage.Data([.. dashboards, .. queryVisuals], run.Queries));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Tables(StringBuilder html, DatasetRunResult run)
    {
        html.Append("<h2>Cleaned tables</h2>\n<p class=\"muted\">This run read only the staging files that are new since the last one (files); every record it read is accounted for: lines read = header lines + rows read, and rows read = written + rejected + duplicates dropped. Replaced: written rows that replaced an older version of their key. The table after the run: rows in table, Parquet bytes.</p>\n");
        html.Append("<table><tr><th>table</th><th>files</th><th>files seen before</th><th>lines read</th><th>header lines</th><th>rows read</th><th>written</th><th>replaced</th><th>rejected</th><th>duplicates dropped</th><th>balanced</th><th>rows in table</th><th>staging bytes</th><th>Parquet bytes</th><th>codec</th><th>Parquet / staging</th><th>time</th></tr>\n");
        foreach (var t in run.Tables)
        {
            html.Append($"<tr><td>{E(t.Table)}</td>{N(t.FilesRead)}{N(t.FilesAlreadyProcessed)}{N(t.LinesRead)}{N(t.HeaderLines)}{N(t.RowsRead)}{N(t.RowsWritten)}{N(t.RowsReplaced)}{N(t.RowsRejected)}{N(t.DuplicatesDropped)}<td>{(t.Balanced ? "yes" : "NO")}</td>{N(t.WarehouseRows)}{N(t.StagingBytes)}{N(t.ParquetBytes)}<td>{E(TransformCompiler.CodecName(t.Compression))}</td>");
            html.Append($"<td class=\"n\">{Percent(t.ParquetBytes, t.StagingBytes)}</td><td class=\"n\">{Seconds(t.Elapsed)}</td></tr>\n");
        }
        var staging = run.Tables.Sum(t => t.StagingBytes);
        var parquet = run.Tables.Sum(t => t.ParquetBytes);
        html.Append($"<tr><th>total</th>{N(run.Tables.Sum(t => t.FilesRead))}{N(run.Tables.Sum(t => t.FilesAlreadyProcessed))}{N(run.Tables.Sum(t => t.LinesRead))}{N(run.Tables.Sum(t => t.HeaderLines))}{N(run.Tables.Sum(t => t.RowsRead))}{N(run.Tables.Sum(t => t.RowsWritten))}{N(run.Tables.Sum(t => t.RowsReplaced))}{N(run.Tables.Sum(t => t.RowsRejected))}{N(run.Tables.Sum(t => t.DuplicatesDropped))}<td></td>{N(run.Tables.Sum(t => t.WarehouseRows))}{N(staging)}{N(parquet)}<td></td><td class=\"n\">{Percent(parquet, staging)}</td><td></td></tr></table>\n");
        var warnings = run.Tables.SelectMany(t => t.Warnings.Select(w => (t.Table, Text: w))).ToList();
        if (warnings.Count > 0)
        {
            html.Append("<h3>Warnings</h3>\n<ul class=\"warnings\">\n");
            foreach (var (table, text) in warnings)
            {
                html.Append($"<li><b>{E(table)}</b>: {E(text)}</li>\n");
            }
            html.Append("</ul>\n");
        }
        var ignored = run.Tables.Where(t => t.IgnoredFiles.Count > 0).ToList();
        if (ignored.Count > 0)
        {
            html.Append("<details><summary>Files in staging that are not read (hidden, or not of the table's format)</summary><ul>\n");
            foreach (var t in ignored)
            {
                html.Append($"<li><b>{E(t.Table)}</b>: {E(string.Join(", ", t.IgnoredFiles.Take(20)))}{(t.IgnoredFiles.Count > 20 ? $" and {t.IgnoredFiles.Count - 20} more" : "")}</li>\n");
            }
            html.Append("</ul></details>\n");
        }
        html.Append("<h3>Rejected rows by reason</h3>\n<table><tr><th>table</th><th>reason</th><th>rows</th></tr>\n");
        foreach (var t in run.Tables)
        {
            foreach (var (reason, rows) in t.RejectedByReason)
            {
                html.Append($"<tr><td>{E(t.Table)}</td><td><code>{E(reason)}</code></td>{N(rows)}</tr>\n");
            }
        }
        html.Append("</table>\n<p class=\"muted\">Rejected rows are in <code>quarantine/&lt;table&gt;/</code> with their raw text and reason; counts in <code>_metrics/&lt;table&gt;/</code>.</p>\n");
        html.Append(QueryChart.Bytes(run.Tables.Select(t => (t.Table, t.StagingBytes, t.ParquetBytes)).ToList())).Append('\n');
    }

    private static void Derived(StringBuilder html, DatasetRunResult run)
    {
        if (run.Derived.Count == 0)
        {
            return;
        }
        html.Append("<h2>Derived tables</h2>\n<table><tr><th>table</th><th>rows</th><th>Parquet bytes</th><th>time</th></tr>\n");
        foreach (var d in run.Derived)
        {
            html.Append($"<tr><td>{E(d.Table)}</td>{N(d.Rows)}{N(d.ParquetBytes)}<td class=\"n\">{Seconds(d.Elapsed)}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static void Queries(StringBuilder html, DatasetRunResult run, IReadOnlyList<Config.Dashboards.Dashboard> queryVisuals)
    {
        html.Append("<h2 id=\"queries\">Saved queries</h2>\n");
        foreach (var (q, visual) in run.Queries.Zip(queryVisuals))
        {
            var kind = ChartChoice.For(q);
            html.Append($"<section class=\"query\"><h3>{E(q.Name)}</h3><p class=\"muted\">{E(q.Description)} · {q.RowCount:N0} rows in {q.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms · <code>queries/{E(q.Name)}.csv</code></p>\n");
            html.Append(DashboardPage.Html([(visual with { Title = "" }, Truncation(visual, run))], run.Queries, "h4"));
            if (kind != ChartKind.Table)
            {
                html.Append("<details><summary>result</summary>");
                ResultTable(html, q);
                html.Append("</details>");
            }
            html.Append("</section>\n");
        }
    }

    private static void ResultTable(StringBuilder html, QueryRunResult q)
    {
        html.Append("<table><tr>");
        foreach (var column in q.Columns)
        {
            html.Append($"<th>{E(column)}</th>");
        }
        html.Append("</tr>\n");
        foreach (var row in q.Rows.Take(ResultRowsShown))
        {
            html.Append("<tr>");
            foreach (var value in row)
            {
                html.Append(ChartChoice.IsNumber(value) ? $"<td class=\"n\">{E(ValueText.Text(value))}</td>" : $"<td>{E(ValueText.Text(value))}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
        if (q.RowCount > ResultRowsShown)
        {
            html.Append($"<p class=\"muted\">First {ResultRowsShown} of {q.RowCount:N0} rows; all are in the CSV.</p>\n");
        }
    }

    /// <summary>Says which queries of a dashboard have more rows than the page embeds.</summary>
    private static string Truncation(Config.Dashboards.Dashboard dashboard, DatasetRunResult run)
    {
        var cut = run.Queries.Where(q => dashboard.Queries.Contains(q.Name) && q.RowCount > DashboardPage.RowsEmbedded).ToList();
        return cut.Count == 0 ? "" : string.Join(" ", cut.Select(q =>
            $"Drawn from the first {DashboardPage.RowsEmbedded:N0} of {q.RowCount:N0} rows of <code>{E(q.Name)}</code>; all are in <code>queries/{E(q.Name)}.csv</code>."));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(long value) => $"<td class=\"n\">{value.ToString("N0", CultureInfo.InvariantCulture)}</td>";

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string Percent(long part, long whole) =>
        whole == 0 ? "" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
