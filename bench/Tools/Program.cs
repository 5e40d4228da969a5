using System.CommandLine;
using DataPipeline.Bench;

var root = new RootCommand("Benchmark tools of the data pipeline: the Spotify sample generator, the hand-written SQL runner and the warehouse comparer.");
root.Subcommands.Add(SpotifySampleCommand.Create());
root.Subcommands.Add(HandwrittenCommand.Create());
root.Subcommands.Add(SameWarehouseCommand.Create());
return root.Parse(args).Invoke();
