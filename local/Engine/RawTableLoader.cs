using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>
/// Registers what a table plan reads, as the Glue runner does: files_&lt;table&gt; (one row per file: path, first line,
/// arrival) and raw_&lt;table&gt; (one row per record: path and text). Records are lines, read whole and never split: a
/// quote does not join lines, so a stray quote breaks only its own line. JSON arrays give one record per element.
/// Nothing is dropped here: blank lines stay for the plan to skip, and a line DuckDB cannot read stops the table.
/// </summary>
internal static class RawTableLoader
{
    /// <summary>Longest line read; a field of 16 MB and more fits.</summary>
    public const int MaxLineBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Longest line of a first read. DuckDB sizes its read buffers from the longest line allowed (a buffer of 8 MB is
    /// refused for 64 MB lines), and buffers for 64 MB lines cost every file page faults: albums and features of the
    /// 1M-track sample took 1.3 to 2.5 s to read so, 0.75 to 0.93 s with this. Only a file that holds a longer line is
    /// read again with <see cref="MaxLineBytes"/>.
    /// </summary>
    public const int CommonLineBytes = 2 * 1024 * 1024;

    private const string LineTooLong = "LINE SIZE OVER MAXIMUM";

    private static readonly SqlDialect Sql = SqlDialect.DuckDb;

    public static void Load(DuckDbSession session, string table, SourcePlan source, StagingListing listing)
    {
        var files = listing.Files;
        var filesView = Sql.Quote(StepNames.Files(table));
        var raw = Sql.Quote(StepNames.Raw(table));
        session.Execute($"CREATE OR REPLACE TEMP TABLE {filesView} ({Sql.Quote(PlanColumns.SourceFile)} VARCHAR, {Sql.Quote(PlanColumns.FirstLine)} VARCHAR, {Sql.Quote(PlanColumns.Arrival)} VARCHAR)");
        session.Execute($"CREATE OR REPLACE TEMP TABLE {raw} ({Sql.Quote(PlanColumns.SourceFile)} VARCHAR, {Sql.Quote(PlanColumns.Line)} VARCHAR)");
        var readable = files.Where(f => f.Bytes > 0).ToList();
        session.Append(StepNames.Files(table), files.Select(f => new object?[]
        {
            f.RelativePath,
            f.Bytes > 0 ? FirstLine.Of(f.FullPath, source.Encoding) : null,
            f.Arrival,
        }));
        if (readable.Count == 0)
        {
            return;
        }
        if (source.Format == RecordFormat.Json)
        {
            readable.ForEach(file => LoadJsonArray(session, raw, file));
            return;
        }
        LoadLines(session, raw, table, source, listing.Folder, readable);
    }

    private static void LoadLines(DuckDbSession session, string raw, string table, SourcePlan source, string folder, IReadOnlyList<StagingFile> files)
    {
        var byPath = files.ToDictionary(f => Path.GetFullPath(f.FullPath), StringComparer.Ordinal);
        var problems = ReadLines(session, raw, table, source, folder, byPath.Keys.ToList(), CommonLineBytes);
        var longLines = problems.Where(p => (bool)p[5]!).Select(p => (string)p[0]!).ToList();
        if (longLines.Count > 0)
        {
            var relative = string.Join(", ", longLines.Select(path => Sql.Literal(byPath[path].RelativePath)));
            session.Execute($"DELETE FROM {raw} WHERE {Sql.Quote(PlanColumns.SourceFile)} IN ({relative})");
            problems = problems.Where(p => !longLines.Contains((string)p[0]!))
                .Concat(ReadLines(session, raw, table, source, folder, longLines, MaxLineBytes))
                .OrderBy(p => (string)p[0]!, StringComparer.Ordinal)
                .ToList();
        }
        if (problems.Count > 0)
        {
            throw new LocalRunException(string.Join(Environment.NewLine, problems.Select(p => Problem(byPath, source, p))));
        }
    }

    /// <summary>
    /// Appends the lines of the files to raw; returns, per file with lines DuckDB could not read: its path, the first
    /// such line, their count, the first one's error type and message, and whether one of them was too long.
    /// </summary>
    private static IReadOnlyList<object?[]> ReadLines(DuckDbSession session, string raw, string table, SourcePlan source, string folder, IReadOnlyList<string> paths, int maxLineBytes)
    {
        var list = "[" + string.Join(", ", paths.Select(Sql.Literal)) + "]";
        var rejects = "rejects_" + table;
        // A delimiter of U+FFFF, a noncharacter that text does not hold, keeps each line whole; quote '' turns quoting off.
        session.Execute(
            $"INSERT INTO {raw} SELECT substr(filename, length({Sql.Literal(Path.GetFullPath(folder) + "/")}) + 1), line FROM read_csv({list}, header = false, auto_detect = false, columns = {{'line': 'VARCHAR'}}, " +
            $"delim = chr(65535), quote = '', escape = '', encoding = {Sql.Literal(source.Encoding)}, max_line_size = {maxLineBytes}, filename = true, " +
            $"store_rejects = true, rejects_table = {Sql.Literal(rejects)}, rejects_scan = {Sql.Literal(rejects + "_scan")})");
        var problems = session.Query(
            $"SELECT s.file_path, min(e.line), count(*), any_value(e.error_type ORDER BY e.line), any_value(e.error_message ORDER BY e.line), bool_or(e.error_type = {Sql.Literal(LineTooLong)}) FROM {Sql.Quote(rejects)} e JOIN {Sql.Quote(rejects + "_scan")} s USING (scan_id, file_id) GROUP BY s.file_path ORDER BY s.file_path").Rows;
        session.Execute($"DROP TABLE IF EXISTS {Sql.Quote(rejects)}");
        session.Execute($"DROP TABLE IF EXISTS {Sql.Quote(rejects + "_scan")}");
        return problems;
    }

    /// <summary>One message per file: its first line that cannot be read, and how many more there are.</summary>
    private static string Problem(IReadOnlyDictionary<string, StagingFile> files, SourcePlan source, object?[] reject)
    {
        var file = files.TryGetValue((string)reject[0]!, out var f) ? f.FullPath : (string)reject[0]!;
        var line = Convert.ToInt64(reject[1], System.Globalization.CultureInfo.InvariantCulture);
        var more = Convert.ToInt64(reject[2], System.Globalization.CultureInfo.InvariantCulture) - 1;
        var where = more == 0 ? $"line {line}" : $"line {line} (and {more} more {(more == 1 ? "line" : "lines")})";
        return (string)reject[3]! == "INVALID ENCODING"
            ? $"{file} {where}: holds bytes that are not valid {source.Encoding}; set the table's source encoding to the files' encoding (utf-8, latin-1 or utf-16), or fix the file."
            : $"{file} {where}: cannot be read as a line of text ({reject[4]}); a line holds at most {MaxLineBytes / (1024 * 1024)} MB and no U+FFFF character.";
    }

    private static void LoadJsonArray(DuckDbSession session, string raw, StagingFile file)
    {
        try
        {
            session.Execute($"INSERT INTO {raw} SELECT {Sql.Literal(file.RelativePath)}, CAST(json AS VARCHAR) FROM read_json_objects({Sql.Literal(Path.GetFullPath(file.FullPath))}, format = 'array', maximum_object_size = {MaxLineBytes})");
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new LocalRunException($"{file.FullPath}: {JsonArrayProblem} ({e.Message.Split('\n')[0]})", e);
        }
    }

    /// <summary>Why a JSON file cannot be read; the Glue runner says the same.</summary>
    public const string JsonArrayProblem = "is not one JSON array (format: json reads files holding [ {...}, {...} ]); fix the file, or set format: jsonl if it holds one object per line";
}
