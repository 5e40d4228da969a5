using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace DataPipeline.Bench;

/// <summary>
/// For bench/local_bench.py: runs a hand-written DuckDB SQL script (bench/handwritten_spotify.sql) in one
/// in-memory connection, filling {staging}, {out} and {codec}, and prints its wall time in seconds.
/// </summary>
internal static partial class HandwrittenCommand
{
    public static Command Create()
    {
        var sql = new Option<string>("--sql") { Description = "The SQL script.", Required = true };
        var staging = new Option<string>("--staging") { Description = "Folder holding <table>/*.csv.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write into.", Required = true };
        var codec = new Option<string>("--compression") { Description = "snappy, zstd or gzip: the dataset's parquet_compression.", Required = true };
        var command = new Command("handwritten", "Run the hand-written SQL the benchmark compares with.");
        command.Options.Add(sql);
        command.Options.Add(staging);
        command.Options.Add(output);
        command.Options.Add(codec);
        command.SetAction(parse => Run(parse.GetValue(sql)!, parse.GetValue(staging)!, parse.GetValue(output)!, parse.GetValue(codec)!));
        return command;
    }

    private static int Run(string sqlFile, string staging, string output, string codec)
    {
        var outFolder = Path.GetFullPath(output);
        var script = File.ReadAllText(sqlFile)
            .Replace("{staging}", Path.GetFullPath(staging).Replace("'", "''"), StringComparison.Ordinal)
            .Replace("{out}", outFolder.Replace("'", "''"), StringComparison.Ordinal)
            .Replace("{codec}", codec.ToUpperInvariant(), StringComparison.Ordinal);
        foreach (Match target in OutputPath().Matches(script))
        {
            var path = target.Groups[1].Value;
            Directory.CreateDirectory(Path.HasExtension(path) ? Path.GetDirectoryName(path)! : path);
        }
        var clock = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = script;
            command.ExecuteNonQuery();
        }
        Console.WriteLine(clock.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        return 0;
    }

    [GeneratedRegex(@"TO '([^']+)'")]
    private static partial Regex OutputPath();
}
