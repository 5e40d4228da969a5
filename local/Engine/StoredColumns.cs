using System.Globalization;
using System.Text.RegularExpressions;
using DataPipeline.Compiler;
using DataPipeline.Compiler.Internal;

namespace DataPipeline.Local.Engine;

/// <summary>How the columns a table's warehouse files store compare with the columns its plan writes.</summary>
internal static partial class StoredColumns
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

    /// <summary>
    /// The error for partition folders whose values the plan's type of their column cannot hold (a partition column's
    /// type lives in no file, only in the folder names), or null when every value fits. Without it a changed type would
    /// stop DuckDB with a cast error and leave Spark to cast by its own rules (1.5 reads as 1 for an INT); both engines
    /// apply this same grammar (partition_value_problems in the Glue runner).
    /// </summary>
    /// <param name="partitions">Each partition column with its type as DuckDB names it.</param>
    /// <param name="files">Each Parquet file's path under the folder, with '/' between folders.</param>
    public static string? PartitionValueProblems(string table, string folder, IReadOnlyList<PlanColumn> partitions, IEnumerable<string> files)
    {
        var types = partitions.ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal);
        var misfits = files
            .SelectMany(f => f.Split('/')[..^1])
            .Select(d => d.Split('=', 2))
            .Where(d => d.Length == 2 && types.ContainsKey(d[0]) && d[1] != HiveNull && !Fits(Uri.UnescapeDataString(d[1]), types[d[0]]))
            .Select(d => $"{d[0]}={d[1]} is not {types[d[0]]}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return misfits.Count == 0
            ? null
            : $"Table '{table}': its warehouse files ({folder.TrimEnd('/')}) sit in partition folders whose values do not fit the partition column's type in the table definition: "
              + string.Join("; ", misfits.Take(MisfitsShown)) + (misfits.Count > MisfitsShown ? $"; and {misfits.Count - MisfitsShown} more" : "") + ". "
              + "Set the type back in the table definition, or rebuild the table from its staging files with run --full-refresh (the rows of staging files that are gone are then lost).";
    }

    private const string HiveNull = "__HIVE_DEFAULT_PARTITION__";
    private const int MisfitsShown = 5;

    /// <summary>
    /// Whether a partition folder's value is a value of the type, in the text both engines write for it; integers and
    /// doubles have the shapes the cleaning step requires of staging text (<see cref="TextPatterns"/>).
    /// </summary>
    private static bool Fits(string value, string type)
    {
        var upper = type.ToUpperInvariant();
        if (upper.StartsWith("DECIMAL(", StringComparison.Ordinal))
        {
            var sizes = upper["DECIMAL(".Length..^1].Split(',');
            var (precision, scale) = (int.Parse(sizes[0], CultureInfo.InvariantCulture), int.Parse(sizes[1], CultureInfo.InvariantCulture));
            var number = DecimalText().Match(value);
            return number.Success && number.Groups["whole"].Value.TrimStart('0').Length <= precision - scale && number.Groups["fraction"].Value.Length <= scale;
        }
        return upper switch
        {
            "VARCHAR" => true,
            "INTEGER" => IntegerText().IsMatch(value) && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "BIGINT" => IntegerText().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "DOUBLE" => NumberText().IsMatch(value),
            "BOOLEAN" => value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase),
            "DATE" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "TIMESTAMP" => TimestampText().IsMatch(value) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => throw new InvalidOperationException($"Partition type {type} is not known to this engine; recompile the plan."),
        };
    }

    [GeneratedRegex(TextPatterns.Integer)]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^[+-]?(?=\.?[0-9])(?<whole>[0-9]*)(?:\.(?<fraction>[0-9]*))?\z")]
    private static partial Regex DecimalText();

    [GeneratedRegex(TextPatterns.Number)]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?\z")]
    private static partial Regex TimestampText();

    private static string Names(IEnumerable<string> columns) => "[" + string.Join(", ", columns) + "]";
}
