using DataPipeline.Cli;

namespace DataPipeline.Tests.Preview;

/// <summary>The preview command as a user runs it, on a repository of the test's own; its Markdown and exit code.</summary>
public sealed record PreviewRun(int ExitCode, string Markdown)
{
    public static async Task<PreviewRun> OfAsync(TestRepository repository, params string[] options)
    {
        var markdownFile = Path.Combine(repository.Path, "..", Path.GetFileName(repository.Path) + ".preview.md");
        try
        {
            // Off the test's synchronization context: the command blocks on its own async work.
            var exitCode = await Task.Run(() => CommandLine.Run(["preview", "--config-dir", repository.Path, "--out", markdownFile, .. options]));
            return new PreviewRun(exitCode, File.Exists(markdownFile) ? await File.ReadAllTextAsync(markdownFile) : "");
        }
        finally
        {
            File.Delete(markdownFile);
        }
    }
}
