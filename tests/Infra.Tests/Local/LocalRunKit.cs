using System.Security.Cryptography;
using System.Text.Json;
using DataPipeline.Local;
using DataPipeline.Local.Engine;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>Runs the spotify dataset of pipeline.yaml (dev) and reads what it wrote.</summary>
internal static class LocalRunKit
{
    public const string Database = "datapipe_dev_spotify";

    public static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static LocalRunOptions Options(string staging, string output) => new()
    {
        ConfigDirectory = RepoRoot.Path,
        Environment = "dev",
        Datasets = ["spotify"],
        Staging = staging,
        Out = output,
    };

    public static DatasetRunResult Run(string staging, string output)
    {
        var options = Options(staging, output);
        var (plan, stagingFolder) = LocalPipeline.Resolve(options).Single();
        return LocalPipeline.RunDataset(plan, stagingFolder, options, SilentProgress.Instance);
    }

    /// <summary>Runs the app's 'run' in a process of its own that exits at the fault point, as a kill would; returns its exit code.</summary>
    public static int RunKilledAt(string faultPoint, params string[] runArguments)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Infra.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", app, "run", .. runArguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { [FaultPoint.Variable] = faultPoint },
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        _ = error.Result;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>SHA-256 of every file under a folder, by relative path.</summary>
    public static IReadOnlyDictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    /// <summary>Rows of a query run with DuckDB on its own connection (in memory, or on a database file read-only).</summary>
    public static List<object?[]> Query(string sql, string? databaseFile = null, string? searchPath = null)
    {
        using var session = new DuckDbSession(databaseFile ?? ":memory:", readOnly: databaseFile is not null);
        if (searchPath is not null)
        {
            session.Execute($"SET file_search_path = '{searchPath}'");
        }
        return session.Query(sql).Rows.ToList();
    }

    public static string Parquet(string outputFolder, string folder) => $"read_parquet('{Path.Combine(outputFolder, folder)}/**/*.parquet', hive_partitioning = true, union_by_name = true)";

    /// <summary>A copy of a staging folder that a test may change.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
