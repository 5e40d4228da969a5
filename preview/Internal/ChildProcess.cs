using CliWrap;
using CliWrap.Buffered;

namespace DataPipeline.Preview;

/// <summary>Runs git, dotnet and node for the preview; a non-zero exit becomes a <see cref="PreviewException"/> with the tail of what it printed.</summary>
internal static class ChildProcess
{
    private const int TailLines = 40;

    public static async Task<string> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        CancellationToken cancellation,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        BufferedCommandResult result;
        try
        {
            result = await CliWrap.Cli.Wrap(program)
                .WithArguments(arguments)
                .WithWorkingDirectory(workingDirectory)
                .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellation);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PreviewException($"'{program}' could not be started ({e.Message}); install it and put it on PATH.", e);
        }
        if (result.ExitCode != 0)
        {
            throw new PreviewException(
                $"'{program} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}:{Environment.NewLine}{Tail(result.StandardError, result.StandardOutput)}");
        }
        return result.StandardOutput;
    }

    private static string Tail(string standardError, string standardOutput)
    {
        var lines = (standardError + Environment.NewLine + standardOutput)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("!!", StringComparison.Ordinal)) // the jsii runtime's Node.js end-of-life banner
            .ToList();
        return string.Join(Environment.NewLine, lines.TakeLast(TailLines));
    }
}
