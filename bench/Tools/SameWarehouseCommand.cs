using System.CommandLine;
using DuckDB.NET.Data;

namespace DataPipeline.Bench;

/// <summary>
/// For bench/local_bench.py: compares two runs' data-warehouse/ folders table by table, row for row (every column,
/// duplicates counted), and prints one line per table; exits 1 when any table differs.
/// </summary>
internal static class SameWarehouseCommand
{
    public static Command Create()
    {
        var left = new Option<string>("--left") { Description = "A dataset's output folder (holding data-warehouse/).", Required = true };
        var right = new Option<string>("--right") { Description = "Another dataset output folder.", Required = true };
        var command = new Command("same-warehouse", "Check that two runs wrote the same warehouse rows.");
        command.Options.Add(left);
        command.Options.Add(right);
        command.SetAction(parse => Compare(parse.GetValue(left)!, parse.GetValue(right)!));
        return command;
    }

    private static int Compare(string left, string right)
    {
        var tables = Tables(left).Union(Tables(right)).Order(StringComparer.Ordinal).ToList();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var differing = 0;
        foreach (var table in tables)
        {
            var l = Source(left, table);
            var r = Source(right, table);
            var rows = Count(connection, $"SELECT COUNT(*) FROM {l}");
            var onlyLeft = Count(connection, $"SELECT COUNT(*) FROM (SELECT * FROM {l} EXCEPT ALL SELECT * FROM {r})");
            var onlyRight = Count(connection, $"SELECT COUNT(*) FROM (SELECT * FROM {r} EXCEPT ALL SELECT * FROM {l})");
            differing += onlyLeft + onlyRight > 0 ? 1 : 0;
            Console.WriteLine($"{table}: {rows} rows, {onlyLeft} only left, {onlyRight} only right");
        }
        return differing == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Tables(string dataset) =>
        Directory.GetDirectories(Path.Combine(dataset, "data-warehouse")).Select(Path.GetFileName).OfType<string>();

    /// <summary>The table's rows, partition columns read from the folder names as both runs wrote them.</summary>
    private static string Source(string dataset, string table) =>
        $"(SELECT * FROM read_parquet('{Path.Combine(dataset, "data-warehouse", table).Replace("'", "''")}/**/*.parquet', hive_partitioning = true, union_by_name = true))";

    private static long Count(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
