using System.Diagnostics;
using System.Text;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>
/// Runs regexes through java.util.regex (JavaRegex.java, beside this file), the engine behind Spark's RLIKE and
/// regexp_extract_all, so tests can hold the Spark SQL's patterns to what DuckDB's RE2 makes of them.
/// </summary>
public static class JavaRegexRunner
{
    /// <summary>Whether each pattern is found in its text: "true", "false", or "overflow" (the stack overflowed).</summary>
    public static IReadOnlyList<string> Find(IEnumerable<(string Pattern, string Text)> requests) => Ask("find", requests);

    /// <summary>Every match of each pattern in its text, as base64 of the UTF-8 bytes comma-separated after "=", or "overflow".</summary>
    public static IReadOnlyList<string> All(IEnumerable<(string Pattern, string Text)> requests) => Ask("all", requests);

    private static IReadOnlyList<string> Ask(string mode, IEnumerable<(string Pattern, string Text)> requests)
    {
        var input = new StringBuilder();
        var count = 0;
        foreach (var (pattern, text) in requests)
        {
            input.Append(mode).Append('\t').Append(Base64(pattern)).Append('\t').Append(Base64(text)).Append('\n');
            count++;
        }
        var start = new ProcessStartInfo("java", [Path.Combine(RepoRoot.Path, "tests", "Infra.Tests", "Compiler", "Kit", "JavaRegex.java")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var java = Start(start);
        var error = java.StandardError.ReadToEndAsync();
        java.StandardInput.Write(input.ToString());
        java.StandardInput.Close();
        var answers = java.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        java.WaitForExit();
        if (java.ExitCode != 0 || answers.Length != count)
        {
            throw new InvalidOperationException($"java exited with {java.ExitCode} after {answers.Length} of {count} answers: {error.Result}");
        }
        return answers;
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests need a JDK (11 or later) on the PATH; on Debian: apt-get install default-jdk-headless (.ci/run does).", e);
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
