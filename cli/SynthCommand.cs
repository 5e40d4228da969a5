using System.CommandLine;
using DataPipeline.Config;
using DataPipeline.Stacks;

namespace DataPipeline.Cli;

/// <summary>
/// Synthesizes every stack of one environment. The cdk CLI runs this (cdk.json) and passes -c env=... as context;
/// the config is validated before any construct exists, so a broken config writes no template.
/// </summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var configDirectory = new Option<string>("--config-dir")
        {
            Description = "Folder holding pipeline.yaml and the environment files.",
            DefaultValueFactory = _ => System.Environment.GetEnvironmentVariable("PIPELINE_CONFIG_DIR") ?? Directory.GetCurrentDirectory(),
        };
        var environmentOption = new Option<string?>("--env")
        {
            Description = "Environment to synthesize. Default: the cdk context value 'env' (-c env=prod), else dev.",
        };
        var outDirectory = new Option<string?>("--out")
        {
            Description = "Folder for the templates. Default: the one the cdk CLI chose (CDK_OUTDIR).",
        };
        var command = new Command("synth", "Synthesize the CloudFormation templates of one environment (run by 'npx cdk synth -c env=dev').");
        command.Options.Add(configDirectory);
        command.Options.Add(environmentOption);
        command.Options.Add(outDirectory);
        command.SetAction(parse => Synthesize(parse.GetValue(configDirectory)!, parse.GetValue(environmentOption), parse.GetValue(outDirectory)));
        return command;
    }

    private static int Synthesize(string configDirectory, string? environmentName, string? outDirectory)
    {
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps
        {
            Outdir = outDirectory,
            // TemplateLimits checks the resource count with the others and says what to do; CDK's own check would throw.
            Context = new Dictionary<string, object> { ["@aws-cdk/core:stackResourceLimit"] = 0 },
        });
        var environment = environmentName ?? app.Node.TryGetContext("env") as string ?? "dev";
        LoadedConfig config;
        try
        {
            config = ConfigLoader.Load(configDirectory);
            config.Environment(environment);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        PipelineApp.Build(app, config, environment);
        var assembly = app.Synth();
        var problems = assembly.Stacks.SelectMany(s => TemplateLimits.Check(s.StackName, File.ReadAllText(s.TemplateFullPath))).ToList();
        foreach (var problem in problems)
        {
            Console.Error.WriteLine(problem);
        }
        return problems.Count == 0 ? 0 : 1;
    }
}
