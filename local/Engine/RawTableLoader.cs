using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>
/// Loads staging files into the temp table raw_&lt;table&gt;: every declared column as text plus _corrupt_record,
/// the view the compiled plan reads. Matches Spark's PERMISSIVE reader as used by etl/glue_runner.py:
/// <list type="bullet">
/// <item>An empty unquoted field is NULL and a quoted empty field ("") is an empty string (allow_quoted_nulls=false).</item>
/// <item>A malformed line (too few or too many fields, an unterminated quote) becomes one row whose declared columns
/// are NULL and whose _corrupt_record holds the line, so the plan rejects it as malformed_row. DuckDB's store_rejects
/// collects those lines instead of failing the read. Spark would also fill the fields it could parse; the row is
/// rejected either way, so nothing downstream differs. One difference remains: DuckDB lets a quoted value span
/// lines, so an unterminated quote swallows the rest of the file into one malformed row, where Spark
/// (multiLine=false) rejects only its line.</item>
/// <item>JSON lines: a line that is not a JSON object is malformed; fields are read as text (numbers as written,
/// nested values as JSON); blank lines are skipped.</item>
/// </list>
/// </summary>
internal static class RawTableLoader
{
    private static readonly SqlDialect Sql = SqlDialect.DuckDb;

    public static void Load(DuckDbSession session, SourcePlan source, string table, IReadOnlyList<string> files)
    {
        var raw = Sql.Quote(StepNames.Raw(table));
        var columns = source.Columns.Append(PlanColumns.CorruptRecord).Select(c => Sql.Quote(c) + " VARCHAR");
        session.Execute($"CREATE OR REPLACE TEMP TABLE {raw} ({string.Join(", ", columns)})");
        var nonEmpty = files.Where(f => new FileInfo(f).Length > 0).ToList();
        if (nonEmpty.Count == 0)
        {
            return;
        }
        var fileList = "[" + string.Join(", ", nonEmpty.Select(f => Sql.Literal(Path.GetFullPath(f)))) + "]";
        if (source.Format == "jsonl")
        {
            session.Execute($"INSERT INTO {raw} {JsonLines(source, fileList)}");
            return;
        }
        var rejects = Sql.Quote("rejects_" + table);
        session.Execute($"INSERT INTO {raw} SELECT *, NULL FROM {ReadCsv(source, fileList, table)}");
        var nulls = string.Join(", ", source.Columns.Select(_ => "NULL"));
        session.Execute(
            $"INSERT INTO {raw} SELECT {nulls}, rtrim(any_value(csv_line), chr(13) || chr(10)) FROM {rejects} GROUP BY scan_id, file_id, line ORDER BY file_id, line");
    }

    private static string ReadCsv(SourcePlan source, string fileList, string table)
    {
        var columns = "{" + string.Join(", ", source.Columns.Select(c => $"{Sql.Literal(c)}: 'VARCHAR'")) + "}";
        return $"read_csv({fileList}, header = {(source.Header ? "true" : "false")}, delim = {Sql.Literal(source.Delimiter)}, " +
            $"quote = {Sql.Literal(source.Quote)}, escape = {Sql.Literal(source.Quote)}, auto_detect = false, columns = {columns}, " +
            "allow_quoted_nulls = false, null_padding = false, strict_mode = true, " +
            $"store_rejects = true, rejects_table = {Sql.Literal("rejects_" + table)}, rejects_scan = {Sql.Literal("rejects_scan_" + table)})";
    }

    private static string JsonLines(SourcePlan source, string fileList)
    {
        // Each line is read whole: the unit separator never occurs unescaped in valid JSON. json_type throws on invalid
        // JSON and AND does not short-circuit in DuckDB, hence the CASE.
        var lines = $"read_csv({fileList}, header = false, delim = '\u001f', quote = '', escape = '', auto_detect = false, " +
            "columns = {'line': 'VARCHAR'}, null_padding = true, ignore_errors = true)";
        var fields = source.Columns.Select(c =>
            $"CASE WHEN is_object THEN json_extract_string(line, {Sql.Literal("$." + Sql.Quote(c))}) END");
        return $"SELECT {string.Join(", ", fields)}, CASE WHEN NOT is_object THEN line END " +
            $"FROM (SELECT line, coalesce(CASE WHEN json_valid(line) THEN json_type(line) = 'OBJECT' END, false) AS is_object FROM {lines} WHERE trim(line) <> '')";
    }
}
