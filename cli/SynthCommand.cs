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
        var command = new Command("synth", "Synthesize the CloudFormation templates of one environment (run by 'npx cdk synth -c env=dev').");
        command.Options.Add(configDirectory);
        command.SetAction(parse => Synthesize(parse.GetValue(configDirectory)!));
        return command;
    }

    private static int Synthesize(string configDirectory)
    {
        var app = new Amazon.CDK.App();
        var environment = app.Node.TryGetContext("env") as string ?? "dev";
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
        app.Synth();
        return 0;
    }
}
