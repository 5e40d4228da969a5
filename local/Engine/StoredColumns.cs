namespace DataPipeline.Local.Engine;

/// <summary>How the columns a table's warehouse files store compare with the columns its plan writes.</summary>
internal static class StoredColumns
{
    /// <summary>
    /// The error for columns whose stored type differs from the plan's, or null when none does. A column the files lack,
    /// or one only they have, is not a change of type: the first reads as NULL, the second is left out of the merge.
    /// </summary>
    /// <param name="planned">Column name to the plan's type; <paramref name="stored"/>: to the files' type (both as DuckDB names them).</param>
    public static string? TypeChanges(string table, string folder, IReadOnlyDictionary<string, string> planned, IReadOnlyDictionary<string, string> stored)
    {
        var changed = planned
            .Where(c => stored.TryGetValue(c.Key, out var type) && !string.Equals(type, c.Value, StringComparison.OrdinalIgnoreCase))
            .Select(c => $"{c.Key} is stored as {stored[c.Key]}, the table definition says {c.Value}")
            .ToList();
        return changed.Count == 0
            ? null
            : $"Table '{table}': its warehouse files ({folder.TrimEnd('/')}) store a column with another type than the table definition: {string.Join("; ", changed)}. "
              + "The files of a table must agree on each column's type. Set the type back in the table definition, or rebuild the table "
              + "from its staging files with run --full-refresh (the rows of staging files that are gone are then lost).";
    }

    /// <summary>
    /// The error for files laid out by other partition columns than the plan's (hive folders name=value/, in order),
    /// or null when every file sits where the plan's partitions put it.
    /// </summary>
    /// <param name="files">Each Parquet file's path under the folder, with '/' between folders.</param>
    public static string? PartitionChange(string table, string folder, IReadOnlyList<string> partitionBy, IEnumerable<string> files)
    {
        var layouts = files
            .Select(f => f.Split('/')[..^1].Select(d => d.Split('=')[0]).ToList())
            .Where(l => !l.SequenceEqual(partitionBy, StringComparer.Ordinal))
            .Select(Names)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return layouts.Count == 0
            ? null
            : $"Table '{table}': its warehouse files ({folder.TrimEnd('/')}) are laid out by partition_by {string.Join(" and ", layouts)}; the table definition says partition_by {Names(partitionBy)}. "
              + "Set partition_by back, or rebuild the table from its staging files with run --full-refresh (the rows of staging files that are gone are then lost).";
    }

    private static string Names(IEnumerable<string> columns) => "[" + string.Join(", ", columns) + "]";
}
