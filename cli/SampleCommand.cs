using System.CommandLine;
using DataPipeline.Config;
using DataPipeline.Local.Sample;

namespace DataPipeline.Cli;

/// <summary>Writes generated staging files for a dataset of pipeline.yaml, and the manifest of what cleaning them must give.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset of pipeline.yaml to generate staging files for.", Required = true };
        var rows = new Option<int>("--rows") { Description = "Rows per table, defects and duplicates included.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same definition, rows and seed give the same files.", DefaultValueFactory = _ => 42 };
        var output = new Option<string?>("--out")
        {
            Description = "Folder to write <table>/... into; the manifest goes beside it as <out>.manifest.json. Default: .pipeline/samples/<dataset> (never the committed samples/).",
        };
        var configDirectory = new Option<string>("--config-dir")
        {
            Description = "Folder holding pipeline.yaml and the environment files.",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        };
        var command = new Command("sample", "Generate staging files with known defects and duplicates for a dataset, and a manifest of what cleaning must produce.");
        command.Options.Add(dataset);
        command.Options.Add(rows);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(configDirectory);
        command.SetAction(parse => Write(parse.GetValue(configDirectory)!, parse.GetValue(dataset)!, parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(output)));
        return command;
    }

    private static int Write(string configDirectory, string datasetName, int rows, int seed, string? output)
    {
        SampleManifest manifest;
        string folder;
        try
        {
            var config = ConfigLoader.Load(configDirectory);
            var dataset = config.Pipeline.Datasets.FirstOrDefault(d => d.Name == datasetName);
            if (dataset is null)
            {
                Console.Error.WriteLine($"error: pipeline.yaml has no dataset '{datasetName}'; use one of {string.Join(", ", config.Pipeline.Datasets.Select(d => d.Name))}.");
                return 1;
            }
            folder = Path.GetFullPath(output ?? Path.Combine(configDirectory, ".pipeline", "samples", datasetName)).TrimEnd(Path.DirectorySeparatorChar);
            manifest = SampleGenerator.Write(dataset, folder, new SampleOptions { Rows = rows, Seed = seed });
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        var manifestFile = folder + ".manifest.json";
        File.WriteAllText(manifestFile, SampleManifestJson.Write(manifest));
        foreach (var table in manifest.Tables)
        {
            Console.WriteLine($"{table.Name}: {table.RowsWritten:N0} rows in {table.Files.Count} file(s), {table.Bytes:N0} bytes; {table.GoodUniqueRows:N0} good, {table.RejectsExpected.Values.Sum():N0} defective, {table.DuplicatesInjected:N0} duplicates");
        }
        Console.WriteLine($"staging: {folder}");
        Console.WriteLine($"manifest: {manifestFile}");
        return 0;
    }
}
