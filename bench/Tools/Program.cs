using System.CommandLine;
using DataPipeline.Bench;

var root = new RootCommand("Benchmark tools of the data pipeline: the Spotify sample generator and the hand-written SQL runner.");
root.Subcommands.Add(SpotifySampleCommand.Create());
root.Subcommands.Add(HandwrittenCommand.Create());
return root.Parse(args).Invoke();
