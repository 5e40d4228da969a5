using DataPipeline.Local;
using Spectre.Console;

namespace DataPipeline.Cli;

/// <summary>One line per step; plain text when the output is redirected (Spectre drops colours without a TTY).</summary>
internal sealed class TerminalProgress : IRunProgress
{
    public void Step(string dataset, string message) =>
        AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] [blue]{dataset}[/] {message}");
}
