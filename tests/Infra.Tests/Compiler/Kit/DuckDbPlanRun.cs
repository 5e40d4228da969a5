using System.Globalization;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;

namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>
/// Executes a compiled DuckDB plan as the local engine does: writes the staging files to a temporary folder, reads them
/// with the engine's loader (raw_&lt;table&gt; and files_&lt;table&gt;), then registers each step. Query the steps afterwards.
/// </summary>
internal sealed class DuckDbPlanRun : IDisposable
{
    private readonly DuckDbSession _session = new(":memory:");
    private readonly DirectoryInfo _staging = Directory.CreateTempSubdirectory("plan-run-");

    private DuckDbPlanRun(TableDefinition table, IReadOnlyDictionary<string, byte[]> files)
    {
        Table = table;
        Plan = TransformCompiler.Compile(table, SqlDialect.DuckDb);
        var folder = Path.Combine(_staging.FullName, table.Name);
        var written = DateTime.UtcNow.AddHours(-files.Count);
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            File.SetLastWriteTimeUtc(path, written = written.AddHours(1));
        }
        Listing = StagingFiles.Of(_staging.FullName, table.Name, Plan.Source!);
        RawTableLoader.Load(_session, table.Name, Plan.Source!, Listing);
        var executor = new PlanExecutor(_session, _staging.FullName);
        executor.RegisterCurrent(Plan, empty: true);
        executor.RunSteps(Plan);
    }

    public TableDefinition Table { get; }

    public TransformPlan Plan { get; }

    public StagingListing Listing { get; }

    /// <summary>One file, part-0.csv (or .jsonl), holding the header (when the table has one) and the rows.</summary>
    public static DuckDbPlanRun Of(TableDefinition table, params RawRow[] rows) =>
        OfFiles(table, ("part-0" + Extension(table), Content(table, rows)));

    /// <summary>Files with the given text (UTF-8), in order of arrival.</summary>
    public static DuckDbPlanRun OfFiles(TableDefinition table, params (string Name, string Text)[] files) =>
        new(table, files.ToDictionary(f => f.Name, f => System.Text.Encoding.UTF8.GetBytes(f.Text)));

    /// <summary>Files with the given bytes, in order of arrival.</summary>
    public static DuckDbPlanRun OfBytes(TableDefinition table, params (string Name, byte[] Bytes)[] files) =>
        new(table, files.ToDictionary(f => f.Name, f => f.Bytes));

    /// <summary>The text of a file: the header line of the source names (for a CSV table with a header), then one line per row.</summary>
    public static string Content(TableDefinition table, params RawRow[] rows)
    {
        var lines = new List<string>();
        if (table.Source is { Kind: SourceKind.Csv, Header: true })
        {
            lines.Add(string.Join(table.Source.Delimiter, table.ColumnsInFile.Select(c => c.SourceName)));
        }
        lines.AddRange(rows.Select(r => table.Source.Kind == SourceKind.Csv ? r.ToCsv(table.Source.Delimiter[0], table.Source.Quote[0]) : r.Line ?? Json(table, r)));
        return string.Join("\n", lines) + (lines.Count > 0 ? "\n" : "");
    }

    /// <summary>The single reject reason of a table fed one row (null when the row is good).</summary>
    public static string? ReasonOf(TableDefinition table, RawRow row)
    {
        using var run = Of(table, row);
        return (string?)run.Records().Single()[PlanColumns.RejectReason];
    }

    /// <summary>The typed value of a column of a table fed one row.</summary>
    public static object? TypedValueOf(TableDefinition table, RawRow row, string column)
    {
        using var run = Of(table, row);
        return run.Records().Single()[column];
    }

    /// <summary>The records of the typed step (header lines left out), in file and line order of their text.</summary>
    public List<Dictionary<string, object?>> Records() =>
        Rows(StepNames.Typed(Table.Name), "\"_source_file\", \"_line\"").Where(r => !(bool)r["_is_header"]!).ToList();

    /// <summary>Every row of a view as column → value, ordered by the given SQL (default: no order).</summary>
    public List<Dictionary<string, object?>> Rows(string view, string? orderBy = null)
    {
        var (columns, rows) = _session.Query($"SELECT * FROM {SqlDialect.DuckDb.Quote(view)}" + (orderBy is null ? "" : " ORDER BY " + orderBy));
        return rows.Select(r => columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
    }

    /// <summary>A view's columns as "name TYPE", in order, as DuckDB describes them.</summary>
    public List<string> Describe(string view) =>
        _session.Query($"DESCRIBE {SqlDialect.DuckDb.Quote(view)}").Rows.Select(r => $"{r[0]} {r[1]}").ToList();

    /// <summary>The metrics view as "metric reason=rows" lines, sorted.</summary>
    public List<string> Metrics() =>
        Rows(StepNames.Metrics(Table.Name))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[PlanColumns.Metric]} {r[PlanColumns.Reason]}={r[PlanColumns.Rows]}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        _session.Dispose();
        _staging.Delete(recursive: true);
    }

    private static string Extension(TableDefinition table) => table.Source.Kind switch
    {
        SourceKind.Csv => ".csv",
        SourceKind.JsonLines => ".jsonl",
        _ => ".json",
    };

    private static string Json(TableDefinition table, RawRow row) =>
        System.Text.Json.JsonSerializer.Serialize(table.ColumnsInFile.Zip(row.Values).Where(p => p.Second is not null).ToDictionary(p => p.First.SourceName, p => p.Second));
}
