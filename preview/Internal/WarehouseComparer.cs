using System.Globalization;
using DataPipeline.Compiler;
using DataPipeline.Local.Engine;

namespace DataPipeline.Preview;

/// <summary>
/// Compares one warehouse table of two local runs with DuckDB: its Parquet files under data-warehouse/&lt;table&gt;/
/// (Hive partitions restored as columns), rows matched by key, or as a multiset of rows when the table has no key.
/// </summary>
internal static class WarehouseComparer
{
    private static readonly SqlDialect Sql = SqlDialect.DuckDb;

    /// <param name="baseFolder">The table's folder in the base run; null when the base has no such table.</param>
    /// <param name="headFolder">The table's folder in the head run; null when the head has no such table.</param>
    /// <param name="baseKey">The key in the base's pipeline.yaml (empty: none).</param>
    /// <param name="headKey">The key in the head's pipeline.yaml (empty: none); preferred when both revisions have its columns.</param>
    public static TableDiff Compare(string table, string? baseFolder, string? headFolder, IReadOnlyList<string> baseKey, IReadOnlyList<string> headKey)
    {
        using var session = new DuckDbSession(":memory:");
        var before = Side(session, "before", baseFolder);
        var after = Side(session, "after", headFolder);
        if (baseFolder is null || headFolder is null)
        {
            return new TableDiff
            {
                Table = table,
                Presence = baseFolder is null ? PresenceChange.New : PresenceChange.Removed,
                RowsBefore = before.Rows,
                RowsAfter = after.Rows,
                Added = after.Rows,
                Removed = before.Rows,
            };
        }
        if (before.Columns is null || after.Columns is null)
        {
            // A table without any Parquet file has no schema to compare; all of the other side's rows differ.
            return new TableDiff { Table = table, Presence = PresenceChange.InBoth, RowsBefore = before.Rows, RowsAfter = after.Rows, Added = after.Rows, Removed = before.Rows };
        }
        var common = after.Columns.Keys.Where(before.Columns.ContainsKey).ToList();
        var key = new[] { headKey, baseKey }.FirstOrDefault(k => k.Count > 0 && k.All(common.Contains)) ?? [];
        string Value(string side, string column) =>
            before.Columns[column] == after.Columns[column] ? $"{side}.{Sql.Quote(column)}" : $"CAST({side}.{Sql.Quote(column)} AS VARCHAR)";
        var (added, removed, changed) = key.Count > 0
            ? ByKey(session, key, common.Except(key).ToList(), Value)
            : AsMultiset(session, common, Value);
        return new TableDiff
        {
            Table = table,
            Presence = PresenceChange.InBoth,
            RowsBefore = before.Rows,
            RowsAfter = after.Rows,
            Added = added,
            Removed = removed,
            Changed = changed,
            Key = key,
            Columns = ColumnChanges(before.Columns, after.Columns),
        };
    }

    private static (long Added, long Removed, long? Changed) ByKey(DuckDbSession session, IReadOnlyList<string> key, IReadOnlyList<string> others, Func<string, string, string> value)
    {
        var join = string.Join(" AND ", key.Select(k => $"b.{Sql.Quote(k)} IS NOT DISTINCT FROM h.{Sql.Quote(k)}"));
        var differs = others.Count == 0 ? "false" : string.Join(" OR ", others.Select(c => $"{value("b", c)} IS DISTINCT FROM {value("h", c)}"));
        var row = session.Query(
            $"""
            SELECT count(*) FILTER (WHERE b._in_base IS NULL),
                   count(*) FILTER (WHERE h._in_head IS NULL),
                   count(*) FILTER (WHERE b._in_base AND h._in_head AND ({differs}))
            FROM (SELECT *, true AS _in_base FROM before) b FULL OUTER JOIN (SELECT *, true AS _in_head FROM after) h ON {join}
            """).Rows.Single();
        return (Long(row[0]), Long(row[1]), Long(row[2]));
    }

    private static (long Added, long Removed, long? Changed) AsMultiset(DuckDbSession session, IReadOnlyList<string> columns, Func<string, string, string> value)
    {
        if (columns.Count == 0)
        {
            return (session.Count("SELECT count(*) FROM after"), session.Count("SELECT count(*) FROM before"), null);
        }
        string Select(string side) => $"SELECT {string.Join(", ", columns.Select(c => value(side, c)))} FROM {side}";
        var added = session.Count($"SELECT count(*) FROM ({Select("after")} EXCEPT ALL {Select("before")})");
        var removed = session.Count($"SELECT count(*) FROM ({Select("before")} EXCEPT ALL {Select("after")})");
        return (added, removed, null);
    }

    private static List<ColumnChange> ColumnChanges(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        after.Where(c => !before.ContainsKey(c.Key)).Select(c => new ColumnChange { Name = c.Key, After = c.Value })
            .Concat(before.Where(c => !after.ContainsKey(c.Key)).Select(c => new ColumnChange { Name = c.Key, Before = c.Value }))
            .Concat(after.Where(c => before.TryGetValue(c.Key, out var type) && type != c.Value).Select(c => new ColumnChange { Name = c.Key, Before = before[c.Key], After = c.Value }))
            .ToList();

    /// <summary>Registers the table as a view named <paramref name="view"/> (empty when it has no rows) and reads its columns and row count.</summary>
    private static (long Rows, IReadOnlyDictionary<string, string>? Columns) Side(DuckDbSession session, string view, string? folder)
    {
        if (folder is null || !Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any())
        {
            session.Execute($"CREATE VIEW {view} AS SELECT 1 AS _none WHERE false");
            return (0, null);
        }
        session.Execute($"CREATE VIEW {view} AS SELECT * FROM read_parquet({Sql.Literal(folder.TrimEnd('/') + "/**/*.parquet")}, hive_partitioning = true)");
        var columns = session.Query($"DESCRIBE {view}").Rows
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
        return (session.Count($"SELECT count(*) FROM {view}"), columns);
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
