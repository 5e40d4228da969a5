using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPipeline.Preview;

/// <summary>
/// A built copy of the app (its Infra.dll), driven through its own commands, <c>synth</c> and <c>run</c>, in a child
/// process: the current app for the head, the base revision's own build for the base.
/// </summary>
internal sealed record PipelineAppBuild(string Assembly)
{
    /// <summary>The app this preview runs in.</summary>
    public static PipelineAppBuild Current { get; } = new(typeof(PipelineAppBuild).Assembly.Location);

    /// <summary><c>dotnet build</c> of a revision's project into a folder of its own.</summary>
    public static async Task<PipelineAppBuild> BuildAsync(string projectFile, string outputFolder, CancellationToken cancellation)
    {
        if (!File.Exists(projectFile))
        {
            throw new PreviewException($"The base revision has no {projectFile}; pass --project with the app's project file relative to the repository root.");
        }
        // No build server or node reuse: nothing of the base's build keeps running once the preview is done.
        await ChildProcess.RunAsync("dotnet", ["build", projectFile, "--nologo", "-v", "quiet", "-o", outputFolder, "-nodeReuse:false", "-p:UseSharedCompilation=false"],
            Path.GetDirectoryName(projectFile)!, cancellation);
        var assembly = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(projectFile) + ".dll");
        return File.Exists(assembly)
            ? new PipelineAppBuild(assembly)
            : throw new PreviewException($"Building {projectFile} produced no {Path.GetFileName(assembly)} in {outputFolder}.");
    }

    /// <summary>
    /// Synthesizes every stack of an environment with the app's own synth command. The cdk CLI would pass cdk.json's
    /// context (feature flags) in CDK_CONTEXT_JSON; this does the same, so the templates match <c>npx cdk synth</c>
    /// without the CLI or any AWS credentials.
    /// </summary>
    public Task SynthAsync(string configDirectory, string cdkJsonFolder, string environment, string outFolder, CancellationToken cancellation) =>
        ChildProcess.RunAsync("dotnet", [Assembly, "synth", "--config-dir", configDirectory, "--env", environment, "--out", outFolder],
            configDirectory, cancellation, new Dictionary<string, string?>
            {
                ["CDK_CONTEXT_JSON"] = Context(cdkJsonFolder, environment),
                ["CDK_OUTDIR"] = null,
                ["PIPELINE_CONFIG_DIR"] = null,
                ["NODE_PATH"] = NodeModulesOfThisApp,
            });

    /// <summary>Runs every dataset of an environment locally with the app's own run command.</summary>
    public Task RunAsync(string configDirectory, string environment, string staging, string outFolder, CancellationToken cancellation) =>
        ChildProcess.RunAsync("dotnet", [Assembly, "run", "--config-dir", configDirectory, "--env", environment, "--staging", staging, "--out", outFolder],
            configDirectory, cancellation, new Dictionary<string, string?> { ["NODE_PATH"] = NodeModulesOfThisApp });

    /// <summary>
    /// The base's worktree has no node_modules of its own; its app checks SQL with the parser this app found (NODE_PATH
    /// is one of the places the SQL check looks).
    /// </summary>
    private static string? NodeModulesOfThisApp =>
        Config.Checks.Grammar.NodeModules.Find(AppContext.BaseDirectory) ?? System.Environment.GetEnvironmentVariable("NODE_PATH");

    private static string Context(string cdkJsonFolder, string environment)
    {
        var cdkJson = Path.Combine(cdkJsonFolder, "cdk.json");
        var context = File.Exists(cdkJson) && JsonNode.Parse(File.ReadAllText(cdkJson))?["context"] is JsonObject fromFile
            ? (JsonObject)fromFile.DeepClone()
            : new JsonObject();
        context["env"] = environment;
        // The CLI's default: each resource names its construct path, so the preview shows paths rather than logical ids.
        context["aws:cdk:enable-path-metadata"] = true;
        return context.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
