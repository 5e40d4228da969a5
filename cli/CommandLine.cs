using System.CommandLine;

namespace DataPipeline.Cli;

/// <summary>The commands of the app: synth (what the cdk CLI runs), run and sample (the local engine).</summary>
public static class CommandLine
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Data pipeline as code: synthesize the AWS stacks, or run the pipeline locally on DuckDB.");
        root.Subcommands.Add(SynthCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SampleCommand.Create());
        root.Subcommands.Add(PreviewCommand.Create());
        root.Subcommands.Add(HandwrittenBenchCommand.Create());
        if (args.Length == 0)
        {
            args = ["synth"];
        }
        return root.Parse(args).Invoke();
    }
}
