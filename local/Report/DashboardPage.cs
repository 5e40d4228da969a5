using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataPipeline.Config.Dashboards;
using DataPipeline.Config.Model.Dashboards;
using DataPipeline.Local.Engine;

namespace DataPipeline.Local.Report;

/// <summary>
/// The dashboards of a run as an interactive part of report.html: the sheets, visuals, titles, fields and filters that
/// QuickSight gets, drawn in the browser as inline SVG by dashboard.js (embedded in the page, no network) from the
/// query results, which are embedded as JSON. Filters redraw every visual whose query has the column; tables sort;
/// marks show their value on hover.
/// </summary>
internal static class DashboardPage
{
    /// <summary>Rows of one query embedded in the page; a larger result is cut and the page says so.</summary>
    public const int RowsEmbedded = QueryRunResult.RowsKept;

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream("DataPipeline.Local.Report.dashboard.js")
            ?? throw new InvalidOperationException("dashboard.js is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public const string Style = """
        .dashboard { margin: 1.2rem 0 2rem; } .dashboard h2 { margin-bottom: .4rem; }
        .filters { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; margin: .6rem 0; padding: .6rem .8rem; background: #f6f8fa; border-radius: 6px; }
        .filters label { display: block; font-weight: 600; margin-bottom: .2rem; } .filters select { min-width: 12rem; }
        .range output { font-variant-numeric: tabular-nums; margin: 0 .4rem; }
        .tabs { display: flex; gap: .3rem; border-bottom: 1px solid #d0d7de; margin-top: .6rem; }
        .tabs button { border: 1px solid transparent; border-bottom: none; background: none; padding: .35rem .9rem; cursor: pointer; font: inherit; color: #0969da; }
        .tabs button[aria-selected="true"] { border-color: #d0d7de; background: #fff; color: #1b1f24; margin-bottom: -1px; border-radius: 6px 6px 0 0; }
        .sheet { display: grid; gap: 1rem; margin-top: .8rem; } .sheet[hidden] { display: none; }
        .visual { margin: 0; border: 1px solid #e5e7eb; border-radius: 6px; padding: .5rem .7rem; min-width: 0; overflow: auto; }
        .visual figcaption { font-weight: 600; margin-bottom: .3rem; } .visual svg { width: 100%; height: auto; display: block; }
        .kpi-value { font-size: 2.4rem; font-weight: 650; font-variant-numeric: tabular-nums; padding: .6rem 0; }
        .visual table { font-size: 13px; } .visual th button { all: unset; cursor: pointer; } .visual th button::after { content: " \2195"; color: #8c959f; }
        .tip { position: fixed; pointer-events: none; background: #1b1f24; color: #fff; padding: .2rem .45rem; border-radius: 4px; font-size: 12px; display: none; z-index: 10; white-space: nowrap; }
        .legend { font-size: 12px; color: #57606a; }
        """;

    /// <summary>The dashboards' HTML, one section each, followed by the data and the script that draws them.</summary>
    public static string Html(IReadOnlyList<(Dashboard Dashboard, string Note)> dashboards, IReadOnlyList<QueryRunResult> queries, string headingTag = "h2")
    {
        var html = new StringBuilder();
        foreach (var (dashboard, note) in dashboards)
        {
            Section(html, dashboard, note, headingTag);
        }
        return html.ToString();
    }

    /// <summary>The data of every query the dashboards use and the script; once per page, after the sections.</summary>
    public static string Data(IReadOnlyList<Dashboard> dashboards, IReadOnlyList<QueryRunResult> queries)
    {
        var used = dashboards.SelectMany(d => d.Queries).ToHashSet(StringComparer.Ordinal);
        var data = new JsonObject
        {
            ["queries"] = new JsonObject(queries.Where(q => used.Contains(q.Name)).Select(q => KeyValuePair.Create(q.Name, (JsonNode?)Result(q, dashboards)))),
            ["dashboards"] = new JsonArray(dashboards.Select(d => (JsonNode)Dashboard(d)).ToArray()),
        };
        // The default encoder escapes <, > and &, so no value can close the script element.
        return $"<script type=\"application/json\" id=\"dashboard-data\">{data.ToJsonString()}</script>\n<script>\n{Script.Value}</script>\n";
    }

    private static void Section(StringBuilder html, Dashboard dashboard, string note, string headingTag)
    {
        html.Append($"<section class=\"dashboard\" data-dashboard=\"{E(dashboard.Name)}\">");
        if (dashboard.Title.Length > 0)
        {
            html.Append($"<{headingTag}>{E(dashboard.Title)}</{headingTag}>");
        }
        html.Append('\n');
        if (note.Length > 0)
        {
            html.Append($"<p class=\"muted\">{note}</p>\n");
        }
        if (dashboard.Filters.Count > 0)
        {
            html.Append("<div class=\"filters\">");
            foreach (var filter in dashboard.Filters)
            {
                html.Append($"<div class=\"filter\" data-filter=\"{E(filter.Id)}\" data-control=\"{(filter.Control == FilterControl.Range ? "range" : "dropdown")}\"><label>{E(filter.Title)}</label></div>");
            }
            html.Append("</div>\n");
        }
        if (dashboard.Sheets.Count > 1)
        {
            html.Append("<div class=\"tabs\" role=\"tablist\">");
            foreach (var (sheet, i) in dashboard.Sheets.Select((s, i) => (s, i)))
            {
                html.Append($"<button role=\"tab\" data-sheet=\"{E(sheet.Name)}\" aria-selected=\"{(i == 0 ? "true" : "false")}\">{E(sheet.Title)}</button>");
            }
            html.Append("</div>\n");
        }
        foreach (var (sheet, i) in dashboard.Sheets.Select((s, i) => (s, i)))
        {
            html.Append($"<div class=\"sheet\" data-sheet=\"{E(sheet.Name)}\" data-columns=\"{sheet.Columns}\" style=\"grid-template-columns: repeat({sheet.Columns}, minmax(0, 1fr))\"{(i == 0 ? "" : " hidden")}>\n");
            foreach (var visual in sheet.Visuals)
            {
                html.Append($"<figure class=\"visual\" data-visual=\"{E(visual.Id)}\" data-kind=\"{DashboardResolver.KindName(visual.Kind)}\" data-span=\"{Math.Min(visual.Width, sheet.Columns)}\" style=\"grid-column: span {Math.Min(visual.Width, sheet.Columns)}\">");
                html.Append($"<figcaption>{E(visual.Title)}</figcaption><div class=\"chart\"></div></figure>\n");
            }
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }

    private static JsonObject Dashboard(Dashboard dashboard) => new()
    {
        ["name"] = dashboard.Name,
        ["filters"] = new JsonArray(dashboard.Filters.Select(f => (JsonNode)new JsonObject
        {
            ["id"] = f.Id,
            ["column"] = f.Column.Name,
            ["control"] = f.Control == FilterControl.Range ? "range" : "dropdown",
            ["min"] = f.Min,
            ["max"] = f.Max,
            ["step"] = f.Step,
        }).ToArray()),
        ["visuals"] = new JsonArray(dashboard.Visuals.Select(v => (JsonNode)new JsonObject
        {
            ["id"] = v.Id,
            ["query"] = v.Query,
            ["kind"] = DashboardResolver.KindName(v.Kind),
            ["x"] = v.X?.Name,
            ["y"] = new JsonArray(v.Values.Select(c => (JsonNode)c.Name).ToArray()),
            ["group"] = v.Group?.Name,
            ["aggregation"] = v.Aggregation switch { Aggregation.DistinctCount => "distinct_count", var a => a.ToString().ToLowerInvariant() },
            ["horizontal"] = v.Orientation == BarOrientation.Horizontal,
            ["stacked"] = v.Arrangement == BarArrangement.Stacked,
            ["sort"] = v.Sort is { } sort ? new JsonObject { ["column"] = sort.Column, ["desc"] = sort.Descending } : null,
            ["limit"] = v.Limit,
        }).ToArray()),
    };

    private static JsonObject Result(QueryRunResult query, IReadOnlyList<Dashboard> dashboards)
    {
        var described = dashboards.SelectMany(d => d.Visuals).Where(v => v.Query == query.Name).Select(v => v.Columns).FirstOrDefault() ?? [];
        var columns = query.Columns.Select((name, i) => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["type"] = Kind(described.FirstOrDefault(c => c.Name == name)?.Type, query, i),
        }).ToArray();
        var rows = query.Rows.Take(RowsEmbedded).Select(row => (JsonNode)new JsonArray(row.Select(Value).ToArray())).ToArray();
        return new JsonObject { ["columns"] = new JsonArray(columns), ["rows"] = new JsonArray(rows), ["total"] = query.RowCount };
    }

    /// <summary>number, date, boolean or text: how the page compares, formats and aggregates a column.</summary>
    private static string Kind(string? type, QueryRunResult query, int column)
    {
        if (type is not null)
        {
            return ColumnTypes.IsNumeric(type) ? "number" : ColumnTypes.IsTemporal(type) ? "date" : type == "boolean" ? "boolean" : "text";
        }
        var values = query.Rows.Select(r => r[column]).Where(v => v is not null).ToList();
        return values.Count > 0 && values.All(ChartChoice.IsNumber) ? "number" : values.Count > 0 && values.All(v => v is DateTime or DateOnly) ? "date" : "text";
    }

    private static JsonNode? Value(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        BigInteger big => JsonValue.Create((double)big),
        _ when ChartChoice.IsNumber(value) => JsonValue.Create(ChartChoice.ToDouble(value)),
        _ => JsonValue.Create(ValueText.Text(value)),
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
