using System.Diagnostics;
using System.Text.Json;

namespace DataPipeline.Config.Checks.Grammar;

/// <summary>Runs sql-grammar.mjs once for a batch of SQL texts: one Node.js start per configuration load.</summary>
internal static class GrammarProcess
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Script { get; } = Path.Combine(AppContext.BaseDirectory, "config", "sql-grammar.mjs");

    /// <summary>
    /// The facts of each text, in order; throws <see cref="InvalidOperationException"/> with what to do when Node.js
    /// fails. Answers are kept in node_modules/.cache/datapipe-sql-grammar/, keyed by the hash of the texts, the script
    /// and the parser's version, so a configuration whose SQL did not change loads without starting Node.js.
    /// </summary>
    public static IReadOnlyList<ParsedStatement> Parse(IReadOnlyList<(SqlDialectName Dialect, string Sql)> statements, string nodeModules)
    {
        var requestJson = JsonSerializer.Serialize(new
        {
            statements = statements.Select(s => new { dialect = s.Dialect.ToString().ToLowerInvariant(), sql = s.Sql }),
        }, Json);
        var cached = CacheFile(nodeModules, requestJson);
        if (Answer(TryRead(cached), statements.Count) is { } known)
        {
            return known;
        }
        var request = Path.GetTempFileName();
        try
        {
            File.WriteAllText(request, requestJson);
            var output = Run(request, nodeModules);
            var statementsParsed = Answer(output, statements.Count)
                ?? throw new InvalidOperationException($"{Script} answered {JsonSerializer.Deserialize<GrammarResponse>(output, Json)?.Statements.Count ?? 0} results for {statements.Count} SQL texts.");
            TryWrite(cached, output);
            return statementsParsed;
        }
        finally
        {
            File.Delete(request);
        }
    }

    private static IReadOnlyList<ParsedStatement>? Answer(string? output, int count)
    {
        if (output is null)
        {
            return null;
        }
        try
        {
            var response = JsonSerializer.Deserialize<GrammarResponse>(output, Json);
            return response?.Statements.Count == count ? response.Statements : null;
        }
        catch (JsonException)
        {
            return null; // a damaged cache file: parse again
        }
    }

    private static string CacheFile(string nodeModules, string requestJson)
    {
        var parserPackage = Path.Combine(nodeModules, "dt-sql-parser", "package.json");
        var key = string.Join("\0", requestJson, File.ReadAllText(Script), File.Exists(parserPackage) ? File.ReadAllText(parserPackage) : "");
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))).ToLowerInvariant();
        return Path.Combine(nodeModules, ".cache", "datapipe-sql-grammar", hash + ".json");
    }

    private static string? TryRead(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps an answer for the next load; a cache that cannot be written only costs the next load a Node.js start.</summary>
    private static void TryWrite(string file, string output)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var temporary = file + "." + Guid.NewGuid().ToString("N") + ".writing";
            File.WriteAllText(temporary, output);
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
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
