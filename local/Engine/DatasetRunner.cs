using System.Diagnostics;
using System.Globalization;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Local.Report;

namespace DataPipeline.Local.Engine;

/// <summary>One dataset run: clean tables, derived tables, catalog, saved queries, report; all or nothing.</summary>
internal sealed class DatasetRunner(DatasetPlan plan, string staging, string outRoot, IRunProgress progress)
{
    public const string DatabaseFile = "warehouse.duckdb";
    public const string CatalogFile = "catalog.json";
    public const string ReportFile = "report.html";
    public const string QueriesFolder = "queries";

    private static readonly SqlDialect Sql = SqlDialect.DuckDb;
    private readonly Dictionary<string, TimeSpan> _phases = [];
    private string Dataset => plan.Dataset.Name;

    public DatasetRunResult Run()
    {
        var total = Stopwatch.StartNew();
        var filesByTable = plan.Dataset.Tables.ToDictionary(t => t.Name, t => StagingFiles.Of(staging, t));
        using var output = new DatasetOutput(outRoot, Dataset);
        var work = output.WorkFolder;
        List<TableRunResult> tables;
        List<DerivedRunResult> derived;
        List<QueryRunResult> queries;
        using (var session = new DuckDbSession(Path.Combine(work, DatabaseFile)))
        {
            session.Execute($"SET file_search_path = {Sql.Literal(work)}");
            session.Execute("SET preserve_insertion_order = false");
            var executor = new PlanExecutor(session, work);
            tables = Timed("tables", () => plan.Dataset.Tables.Select(t => CleanTable(session, executor, t, filesByTable[t.Name])).ToList());
            derived = Timed("derived", () => plan.Dataset.Derived.Select(d => BuildDerived(session, executor, d)).ToList());
            Timed("catalog", () => WarehouseCatalog.Write(session, plan.Names.Database, CatalogEntries(), Path.Combine(work, CatalogFile)));
            progress.Step(Dataset, $"catalog: schema {plan.Names.Database} with {tables.Count + derived.Count} views in {DatabaseFile}");
            queries = Timed("queries", () => plan.Dataset.Queries.Select(q => RunQuery(session, q, work)).ToList());
        }
        var result = new DatasetRunResult
        {
            Dataset = Dataset,
            Environment = plan.Environment.Name,
            Database = plan.Names.Database,
            OutputFolder = output.FinalFolder,
            Tables = tables,
            Derived = derived,
            Queries = queries,
            Phases = _phases,
            Elapsed = total.Elapsed,
        };
        Timed("report", () => File.WriteAllText(Path.Combine(work, ReportFile), RunReport.Html(result)));
        RunSummaryFile.Write(Path.Combine(work, RunSummaryFile.Name), result with { Elapsed = total.Elapsed });
        output.Commit();
        progress.Step(Dataset, $"done in {total.Elapsed.TotalSeconds:0.0} s: {output.FinalFolder}");
        return result with { Elapsed = total.Elapsed };
    }

    private TableRunResult CleanTable(DuckDbSession session, PlanExecutor executor, TableDefinition table, IReadOnlyList<string> files)
    {
        var clock = Stopwatch.StartNew();
        var compiled = TransformCompiler.Compile(table, SqlDialect.DuckDb);
        try
        {
            RawTableLoader.Load(session, compiled.Source!, table.Name, files);
            executor.RunSteps(compiled);
            executor.WriteOutputs(compiled);
        }
        catch (Exception e) when (e is not LocalRunException)
        {
            throw new LocalRunException($"Table '{table.Name}' (staging {Path.Combine(staging, table.Name)}) failed on DuckDB: {e.Message}", e);
        }
        var metrics = session.Query($"SELECT {Sql.Quote(PlanColumns.Metric)}, {Sql.Quote(PlanColumns.Reason)}, {Sql.Quote(PlanColumns.Rows)} FROM {Sql.Quote(StepNames.Metrics(table.Name))}").Rows;
        long Metric(string name) => metrics.Where(r => (string)r[0]! == name).Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture));
        // The raw rows and the checked table are the big ones; later tables get their memory.
        session.Execute($"DROP TABLE IF EXISTS {Sql.Quote(StepNames.Checked(table.Name))}");
        session.Execute($"DROP TABLE IF EXISTS {Sql.Quote(StepNames.Raw(table.Name))}");
        var result = new TableRunResult
        {
            Table = table.Name,
            RowsRead = Metric(RunMetric.RowsRead),
            RowsWritten = Metric(RunMetric.RowsWritten),
            RowsRejected = Metric(RunMetric.RowsRejected),
            DuplicatesDropped = Metric(RunMetric.DuplicatesDropped),
            RejectedByReason = metrics.Where(r => (string)r[0]! == RunMetric.Rejected)
                .OrderBy(r => (string)r[1]!, StringComparer.Ordinal)
                .ToDictionary(r => (string)r[1]!, r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture)),
            StagingBytes = files.Sum(f => new FileInfo(f).Length),
            ParquetBytes = FolderBytes(executor.FolderOf(WarehouseFolders.Data(table.Name))),
            Compression = table.Compression,
            Elapsed = clock.Elapsed,
        };
        progress.Step(Dataset, $"table {table.Name}: {result.RowsRead:N0} read, {result.RowsWritten:N0} written, {result.RowsRejected:N0} rejected, {result.DuplicatesDropped:N0} duplicates dropped ({clock.Elapsed.TotalSeconds:0.0} s)");
        return result;
    }

    private DerivedRunResult BuildDerived(DuckDbSession session, PlanExecutor executor, DerivedTableDefinition definition)
    {
        var clock = Stopwatch.StartNew();
        var sqlText = File.ReadAllText(Path.Combine(plan.Pipeline.RootDirectory, definition.SqlFile));
        var compiled = TransformCompiler.CompileDerived(definition, sqlText, SqlDialect.DuckDb);
        try
        {
            foreach (var input in compiled.Inputs)
            {
                executor.RegisterInput(input);
            }
            executor.RunSteps(compiled);
            executor.WriteOutputs(compiled);
        }
        catch (Exception e) when (e is not LocalRunException)
        {
            throw new LocalRunException($"{definition.SqlFile}: derived table '{definition.Name}' failed on DuckDB: {e.Message}. Fix the SQL; it must run on Spark and DuckDB.", e);
        }
        var folder = executor.FolderOf(WarehouseFolders.Data(definition.Name));
        var rows = session.Count($"SELECT COUNT(*) FROM {PlanExecutor.ParquetScan(folder)}");
        progress.Step(Dataset, $"derived {definition.Name}: {rows:N0} rows ({clock.Elapsed.TotalSeconds:0.0} s)");
        return new DerivedRunResult { Table = definition.Name, Rows = rows, ParquetBytes = FolderBytes(folder), Elapsed = clock.Elapsed };
    }

    private QueryRunResult RunQuery(DuckDbSession session, QueryDefinition query, string work)
    {
        var result = SavedQueryRunner.Run(session, plan, query, Path.Combine(work, QueriesFolder));
        progress.Step(Dataset, $"query {query.Name}: {result.Rows.Count:N0} rows ({result.Elapsed.TotalMilliseconds:0} ms)");
        return result;
    }

    private List<(string, IReadOnlyList<string>)> CatalogEntries() =>
        plan.Dataset.Tables.Select(t => (t.Name, (IReadOnlyList<string>)t.PartitionBy.Select(p => p.Name).ToList()))
            .Concat(plan.Dataset.Derived.Select(d => (d.Name, d.PartitionBy)))
            .ToList();

    private T Timed<T>(string phase, Func<T> action)
    {
        var clock = Stopwatch.StartNew();
        var value = action();
        _phases[phase] = clock.Elapsed;
        return value;
    }

    private void Timed(string phase, Action action) => Timed(phase, () => { action(); return 0; });

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
