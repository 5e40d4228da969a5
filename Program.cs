using DataPipeline.Cli;

return CommandLine.Run(args);
