using System.Diagnostics;
using System.Globalization;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Local.Report;

namespace DataPipeline.Local.Engine;

/// <summary>One dataset run: clean tables, derived tables, catalog, saved queries, report; all or nothing.</summary>
internal sealed class DatasetRunner(DatasetPlan plan, string staging, string outRoot, IRunProgress progress, bool fullRefresh = false)
{
    /// <summary>What a run changes in place never comes from the previous output: these folders are linked into the new one and then only added to.</summary>
    private static readonly string[] KeptFolders = ["data-warehouse", "quarantine", "_metrics", "_state"];

    public const string DatabaseFile = "warehouse.duckdb";
    public const string CatalogFile = WarehouseCatalog.CatalogFileName;
    public const string ReportFile = "report.html";
    public const string QueriesFolder = "queries";

    private static readonly SqlDialect Sql = SqlDialect.DuckDb;
    private readonly Dictionary<string, TimeSpan> _phases = [];
    private string Dataset => plan.Dataset.Name;

    public DatasetRunResult Run()
    {
        var total = Stopwatch.StartNew();
        var compiled = plan.Dataset.Tables.ToDictionary(t => t.Name, t => TransformCompiler.Compile(t, SqlDialect.DuckDb));
        var filesByTable = plan.Dataset.Tables.ToDictionary(t => t.Name, t => StagingFiles.Of(staging, t.Name, compiled[t.Name].Source!));
        using var output = DatasetOutput.Open(outRoot, Dataset);
        foreach (var line in output.Recovered)
        {
            progress.Step(Dataset, line);
        }
        output.StartFromPrevious(KeptFolders);
        try
        {
            return Run(output, filesByTable, compiled, total);
        }
        catch (Exception e) when (e is LocalRunException or IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            throw new LocalRunException($"{e.Message}{Environment.NewLine}{output.StateAfterFailure()}", e);
        }
    }

    private DatasetRunResult Run(DatasetOutput output, Dictionary<string, StagingListing> filesByTable, Dictionary<string, TransformPlan> compiled, Stopwatch total)
    {
        var work = output.WorkFolder;
        var runId = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        List<TableRunResult> tables;
        List<DerivedRunResult> derived;
        List<QueryRunResult> queries;
        using (var session = new DuckDbSession(Path.Combine(work, DatabaseFile)))
        {
            session.Execute($"SET file_search_path = {Sql.Literal(work)}");
            session.Execute("SET preserve_insertion_order = false");
            var executor = new PlanExecutor(session, work);
            tables = Timed("tables", () => plan.Dataset.Tables.Select(t => CleanTable(session, executor, t, compiled[t.Name], filesByTable[t.Name], runId)).ToList());
            FaultPoint.Reach(FaultPoint.TablesWritten);
            var changed = tables.Where(t => t.RowsWritten > 0 || t.RowsReplaced > 0).Select(t => t.Table).ToHashSet(StringComparer.Ordinal);
            derived = Timed("derived", () => plan.Dataset.Derived.Select(d => BuildDerived(session, executor, d, changed)).ToList());
            Timed("catalog", () => WarehouseCatalog.Write(session, plan.Names.Database, CatalogEntries(), plan.Schema, work));
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
            RunId = runId,
            FullRefresh = fullRefresh,
        };
        Timed("report", () => File.WriteAllText(Path.Combine(work, ReportFile), RunReport.Html(result, Config.Dashboards.DashboardResolver.For(plan))));
        RunSummaryFile.Write(Path.Combine(work, RunSummaryFile.Name), result with { Elapsed = total.Elapsed });
        output.Commit();
        progress.Step(Dataset, $"done in {total.Elapsed.TotalSeconds:0.0} s: {output.FinalFolder}");
        return result with { Elapsed = total.Elapsed };
    }

    private TableRunResult CleanTable(DuckDbSession session, PlanExecutor executor, TableDefinition table, TransformPlan compiled, StagingListing listing, string runId)
    {
        var clock = Stopwatch.StartNew();
        var ledgerFile = executor.FolderOf(compiled.Ledger!);
        var previous = Ledger.Read(ledgerFile);
        var ledger = fullRefresh ? Ledger.Empty() : previous;
        var inStaging = listing.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var gone = fullRefresh ? previous.Entries.Where(e => !inStaging.Contains(e.Path)).ToList() : [];
        var fresh = ledger.NewFiles(listing.Files);
        var batch = Batch(table.Name, fresh);
        var read = listing with { Files = fresh.Select(f => f.File).ToList() };
        if (StagingFiles.NameProblems(read.Files) is { Count: > 0 } problems)
        {
            throw PlanExecutor.CannotBeRead(table.Name, listing.Folder, problems);
        }
        try
        {
            RawTableLoader.Load(session, table.Name, compiled.Source!, read);
            executor.RegisterCurrent(compiled, empty: fullRefresh);
            executor.RunSteps(compiled, listing.Folder);
            executor.WriteOutputs(compiled, batch, runId, rebuild: fullRefresh);
        }
        catch (Exception e) when (e is not LocalRunException)
        {
            throw new LocalRunException($"Table '{table.Name}' (staging {listing.Folder}) failed on DuckDB: {e.Message}", e);
        }
        var metrics = session.Query($"SELECT {Sql.Quote(PlanColumns.Metric)}, {Sql.Quote(PlanColumns.Reason)}, {Sql.Quote(PlanColumns.Rows)} FROM {Sql.Quote(StepNames.Metrics(table.Name))}").Rows;
        long Metric(string name) => metrics.Where(r => (string)r[0]! == name).Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture));
        var rowsByFile = metrics.Where(r => (string)r[0]! == RunMetric.FileRows).ToDictionary(r => (string)r[1]!, r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture));
        var emptyFiles = rowsByFile.Where(f => f.Value == 0).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        executor.Drop(compiled);
        var dataFolder = executor.FolderOf(WarehouseFolders.Data(table.Name));
        var result = new TableRunResult
        {
            Table = table.Name,
            FilesRead = Metric(RunMetric.FilesRead),
            FilesAlreadyProcessed = listing.Files.Count - fresh.Count,
            LinesRead = Metric(RunMetric.LinesRead),
            HeaderLines = Metric(RunMetric.HeaderLines),
            RowsRead = Metric(RunMetric.RowsRead),
            RowsWritten = Metric(RunMetric.RowsWritten),
            RowsReplaced = Metric(RunMetric.RowsReplaced),
            RowsRejected = Metric(RunMetric.RowsRejected),
            DuplicatesDropped = Metric(RunMetric.DuplicatesDropped),
            RejectedByReason = metrics.Where(r => (string)r[0]! == RunMetric.Rejected)
                .OrderBy(r => (string)r[1]!, StringComparer.Ordinal)
                .ToDictionary(r => (string)r[1]!, r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture)),
            WarehouseRows = Directory.Exists(dataFolder) && Directory.EnumerateFiles(dataFolder, "*.parquet", SearchOption.AllDirectories).Any()
                ? session.Count($"SELECT COUNT(*) FROM {PlanExecutor.ParquetScan(dataFolder)}")
                : 0,
            StagingBytes = read.Files.Sum(f => f.Bytes),
            ParquetBytes = FolderBytes(dataFolder),
            Compression = table.Compression,
            IgnoredFiles = listing.Ignored,
            Warnings = [.. Warnings(listing, fresh.Count, emptyFiles, Metric(RunMetric.RowsRead)), .. MissingColumnWarnings(metrics), .. GoneWarning(gone)],
            Elapsed = clock.Elapsed,
        };
        if (!result.Balanced)
        {
            throw new LocalRunException($"Table '{table.Name}' does not balance: {result.LinesRead:N0} lines read, {result.HeaderLines:N0} header lines, {result.RowsRead:N0} rows read, {result.RowsWritten:N0} written, {result.RowsRejected:N0} rejected, {result.DuplicatesDropped:N0} duplicates dropped. Nothing was written; please report this with the staging files.");
        }
        if (compiled.MaxRejectShare is { } share && result.RowsRead > 0 && (decimal)result.RowsRejected / result.RowsRead > share)
        {
            throw new LocalRunException($"Table '{table.Name}' rejected {result.RowsRejected:N0} of {result.RowsRead:N0} rows ({Percent(result.RowsRejected, result.RowsRead)}), more than its max_reject_share of {share * 100:0.##}%; nothing was written. The reasons: {string.Join(", ", result.RejectedByReason.Select(r => $"{r.Key} {r.Value:N0}"))}.");
        }
        // The ledger is written last, once the table's outputs are in the run's folder.
        ledger.Record(fresh, runId, rowsByFile);
        ledger.Write(ledgerFile);
        progress.Step(Dataset, $"table {table.Name}: {fresh.Count:N0} new file(s), {result.RowsRead:N0} read, {result.RowsWritten:N0} written ({result.RowsReplaced:N0} replacing older versions), {result.RowsRejected:N0} rejected, {result.DuplicatesDropped:N0} duplicates dropped; {result.WarehouseRows:N0} rows in the table ({clock.Elapsed.TotalSeconds:0.0} s)");
        foreach (var warning in result.Warnings)
        {
            progress.Step(Dataset, $"warning: table {table.Name}: {warning}");
        }
        return result;
    }

    /// <summary>Names the files a run writes for a table, from what it read: a run that reads the same files again writes the same names.</summary>
    private string Batch(string table, IReadOnlyList<(StagingFile File, string Fingerprint)> files)
    {
        var text = string.Join("\n", files.Select(f => f.File.RelativePath + "\t" + f.Fingerprint).Order(StringComparer.Ordinal).Prepend(table + (fullRefresh ? "\tfull" : "")));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
    }

    /// <summary>Columns with optional_in_header that headers of the files read lack (the Glue runner prints the same lines).</summary>
    private static IEnumerable<string> MissingColumnWarnings(IReadOnlyList<object?[]> metrics) => metrics
        .Where(r => (string)r[0]! == RunMetric.ColumnMissing)
        .OrderBy(r => (string)r[1]!, StringComparer.Ordinal)
        .Select(r => $"the header of {Convert.ToInt64(r[2], CultureInfo.InvariantCulture):N0} file(s) read this run has no column {(string)r[1]!}, so their rows have it NULL (optional_in_header)");

    /// <summary>A full refresh reads only what staging still holds: files earlier runs processed and staging lost take their rows with them.</summary>
    private static IEnumerable<string> GoneWarning(IReadOnlyList<LedgerEntry> gone) => gone.Count == 0 ? [] :
        [$"full refresh: {gone.Count} staging file(s) that earlier runs read are gone ({string.Join(", ", gone.Take(5).Select(e => e.Path))}{(gone.Count > 5 ? ", ..." : "")}), so their {gone.Sum(e => e.RowsRead):N0} rows are not in the rebuilt table"];

    private static List<string> Warnings(StagingListing listing, int newFiles, IReadOnlyList<string> emptyFiles, long rowsRead)
    {
        var warnings = new List<string>();
        if (!listing.FolderExists)
        {
            warnings.Add($"its staging folder {listing.Folder} does not exist, so no rows were read");
        }
        else if (listing.Files.Count == 0)
        {
            warnings.Add($"no staging files under {listing.Folder}{(listing.Ignored.Count > 0 ? $" ({listing.Ignored.Count} other files ignored)" : "")}, so no rows were read");
        }
        else if (newFiles == 0)
        {
            warnings.Add($"no new staging files this run (the {listing.Files.Count} there were processed before), so no rows were read");
        }
        else if (rowsRead == 0)
        {
            warnings.Add("no rows this run: every file is empty or holds only its header");
        }
        if (emptyFiles.Count > 0 && rowsRead > 0)
        {
            warnings.Add($"{emptyFiles.Count} file(s) hold no rows (empty, or only a header): {string.Join(", ", emptyFiles.Take(5))}{(emptyFiles.Count > 5 ? ", ..." : "")}");
        }
        return warnings;
    }

    private static string Percent(long part, long whole) => ((double)part / whole).ToString("0.#%", CultureInfo.InvariantCulture);

    /// <summary>Rebuilds a derived table from the warehouse, unless none of its inputs changed and its plan is the one that built it.</summary>
    private DerivedRunResult BuildDerived(DuckDbSession session, PlanExecutor executor, DerivedTableDefinition definition, IReadOnlySet<string> changed)
    {
        var clock = Stopwatch.StartNew();
        var sqlText = File.ReadAllText(Path.Combine(plan.Pipeline.RootDirectory, definition.SqlFile));
        var compiled = TransformCompiler.CompileDerived(definition, sqlText, SqlDialect.DuckDb, plan.Schema.Derived.GetValueOrDefault(definition.Name), plan.Schema.Tables);
        var folder = executor.FolderOf(WarehouseFolders.Data(definition.Name));
        var planFile = executor.FolderOf(WarehouseFolders.DerivedPlan(definition.Name));
        var planHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(compiled.ToJson())));
        var upToDate = !fullRefresh && !definition.DependsOn.Any(changed.Contains) && Directory.Exists(folder)
            && File.Exists(planFile) && File.ReadAllText(planFile) == planHash;
        if (upToDate)
        {
            var kept = session.Count($"SELECT COUNT(*) FROM {PlanExecutor.ParquetScan(folder)}");
            progress.Step(Dataset, $"derived {definition.Name}: {kept:N0} rows, unchanged (none of {string.Join(", ", definition.DependsOn)} changed)");
            return new DerivedRunResult { Table = definition.Name, Rows = kept, ParquetBytes = FolderBytes(folder), Elapsed = clock.Elapsed, Rebuilt = false };
        }
        try
        {
            foreach (var input in compiled.Inputs)
            {
                executor.RegisterInput(input);
            }
            executor.RunSteps(compiled);
            executor.WriteOutputs(compiled, batch: "", runId: "", rebuild: true);
            executor.Drop(compiled);
            Directory.CreateDirectory(Path.GetDirectoryName(planFile)!);
            File.Delete(planFile);
            File.WriteAllText(planFile, planHash);
        }
        catch (Exception e) when (e is not LocalRunException)
        {
            throw new LocalRunException($"{definition.SqlFile}: derived table '{definition.Name}' failed on DuckDB: {e.Message}. Fix the SQL; it must run on Spark and DuckDB.", e);
        }
        var rows = session.Count($"SELECT COUNT(*) FROM {PlanExecutor.ParquetScan(folder)}");
        progress.Step(Dataset, $"derived {definition.Name}: {rows:N0} rows ({clock.Elapsed.TotalSeconds:0.0} s)");
        return new DerivedRunResult { Table = definition.Name, Rows = rows, ParquetBytes = FolderBytes(folder), Elapsed = clock.Elapsed, Rebuilt = true };
    }

    private QueryRunResult RunQuery(DuckDbSession session, QueryDefinition query, string work)
    {
        var result = SavedQueryRunner.Run(session, plan, query, Path.Combine(work, QueriesFolder));
        progress.Step(Dataset, $"query {query.Name}: {result.RowCount:N0} rows ({result.Elapsed.TotalMilliseconds:0} ms)");
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
