using System.Diagnostics;
using System.Text.Json;

namespace DataPipeline.Config.Checks.Grammar;

/// <summary>Runs sql-grammar.mjs once for a batch of SQL texts: one Node.js start per configuration load.</summary>
internal static class GrammarProcess
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Script { get; } = Path.Combine(AppContext.BaseDirectory, "config", "sql-grammar.mjs");

    /// <summary>The facts of each text, in order; throws <see cref="InvalidOperationException"/> with what to do when Node.js fails.</summary>
    public static IReadOnlyList<ParsedStatement> Parse(IReadOnlyList<(SqlDialectName Dialect, string Sql)> statements, string nodeModules)
    {
        var request = Path.GetTempFileName();
        try
        {
            File.WriteAllText(request, JsonSerializer.Serialize(new
            {
                statements = statements.Select(s => new { dialect = s.Dialect.ToString().ToLowerInvariant(), sql = s.Sql }),
            }, Json));
            var output = Run(request, nodeModules);
            var response = JsonSerializer.Deserialize<GrammarResponse>(output, Json);
            return response?.Statements.Count == statements.Count
                ? response.Statements
                : throw new InvalidOperationException($"{Script} answered {response?.Statements.Count ?? 0} results for {statements.Count} SQL texts.");
        }
        finally
        {
            File.Delete(request);
        }
    }

    private static string Run(string request, string nodeModules)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Script, request, nodeModules },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("'node' did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'node' could not be started ({e.Message}); install Node.js 20 or later and put it on PATH.", e);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"{Script} failed with exit code {process.ExitCode}: {error.Result.Trim()}");
        }
    }
}
