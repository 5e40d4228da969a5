using System.Diagnostics;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Spec;

/// <summary>
/// Runs tests/cfn-spec/check-templates.js, which checks templates against the CloudFormation resource specification
/// of the npm package @aws-cdk/aws-service-spec (installed by npm ci as a dev dependency).
/// </summary>
public static class CloudFormationSpec
{
    public static string Script { get; } = Path.Combine(RepoRoot.Path, "tests", "cfn-spec", "check-templates.js");

    /// <summary>Writes the templates to a temporary folder and returns the checker's exit code and problems, one per line.</summary>
    public static (int ExitCode, IReadOnlyList<string> Problems) Check(IReadOnlyDictionary<string, string> templatesByName)
    {
        var folder = Directory.CreateTempSubdirectory("cfn-spec-").FullName;
        try
        {
            var files = templatesByName.Select(t =>
            {
                var file = Path.Combine(folder, t.Key + ".template.json");
                File.WriteAllText(file, t.Value);
                return file;
            }).ToList();
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
            start.ArgumentList.Add(Script);
            files.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode > 1)
            {
                throw new InvalidOperationException($"check-templates.js failed ({process.ExitCode}): {error}");
            }
            return (process.ExitCode, output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
