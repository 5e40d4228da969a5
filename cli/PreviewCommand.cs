using System.CommandLine;
using DataPipeline.Preview;

namespace DataPipeline.Cli;

/// <summary>
/// Prints, as Markdown, what the working tree changes compared with a base revision: per stack the resource changes
/// (offline, with the CDK's own diff), per dataset the data changes (both revisions run locally on the same files).
/// </summary>
internal static class PreviewCommand
{
    /// <summary>The exit code when --fail-on-destructive is given and something destructive is found (1 is a failure).</summary>
    public const int DestructiveExitCode = 2;

    public static Command Create()
    {
        var baseRef = new Option<string>("--base") { Description = "Branch, tag or commit to compare with (the commit the working tree forked from it).", Required = true };
        var environment = new Option<string>("--env") { Description = "Environment to synthesize and run.", DefaultValueFactory = _ => "dev" };
        var staging = new Option<string?>("--staging")
        {
            Description = "Folder holding <table>/*.csv|*.jsonl that both revisions run on; {dataset} is replaced by the dataset name. Default: samples/<dataset>.",
        };
        var configDirectory = new Option<string>("--config-dir")
        {
            Description = "Folder holding pipeline.yaml and the environment files, in a git working tree.",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        };
        var project = new Option<string>("--project") { Description = "The app's project file, relative to the repository root.", DefaultValueFactory = _ => "Infra.csproj" };
        var output = new Option<string?>("--out") { Description = "Also write the Markdown to this file." };
        var failOnDestructive = new Option<bool>("--fail-on-destructive")
        {
            Description = $"Exit {DestructiveExitCode} when a bucket or KMS key is replaced or removed, or a table is removed.",
        };
        var command = new Command("preview", "Print as Markdown what the working tree changes against a base revision: stacks (offline cdk diff) and data (both run locally).");
        foreach (var option in new Option[] { baseRef, environment, staging, configDirectory, project, output, failOnDestructive })
        {
            command.Options.Add(option);
        }
        command.SetAction((parse, cancellation) => Run(new PreviewOptions
        {
            Base = parse.GetValue(baseRef)!,
            Environment = parse.GetValue(environment)!,
            Staging = parse.GetValue(staging),
            ConfigDirectory = Path.GetFullPath(parse.GetValue(configDirectory)!),
            Project = parse.GetValue(project)!,
        }, parse.GetValue(output), parse.GetValue(failOnDestructive), cancellation));
        return command;
    }

    private static async Task<int> Run(PreviewOptions options, string? outputFile, bool failOnDestructive, CancellationToken cancellation)
    {
        PreviewReport report;
        try
        {
            // Progress goes to stderr, so stdout is the Markdown alone.
            report = await PullRequestPreview.RunAsync(options, message => Console.Error.WriteLine("preview: " + message), cancellation);
        }
        catch (PreviewException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        var markdown = PreviewMarkdown.Render(report);
        Console.Out.Write(markdown);
        if (outputFile is not null)
        {
            await File.WriteAllTextAsync(outputFile, markdown, cancellation);
        }
        return failOnDestructive && report.Destructive.Count > 0 ? DestructiveExitCode : 0;
    }
}
