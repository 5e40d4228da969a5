using System.CommandLine;
using DataPipeline.Local.Sample;

namespace DataPipeline.Cli;

/// <summary>Writes a generated staging sample and its manifest; only spotify has a generator.</summary>
internal static class SampleCommand
{
    private const string SpotifyDataset = "spotify";

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset to generate; only spotify has a generator.", DefaultValueFactory = _ => SpotifyDataset };
        var rows = new Option<int>("--rows") { Description = "Distinct tracks to generate.", DefaultValueFactory = _ => 400 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same rows and seed give byte-identical files.", DefaultValueFactory = _ => 42 };
        var output = new Option<string?>("--out")
        {
            Description = "Folder to write <table>/<table>.csv into; the manifest goes beside it as <out>.manifest.json. Default: .pipeline/samples/<dataset> (never the committed samples/).",
        };
        var command = new Command("sample", "Generate staging files with known defects and duplicates, and a manifest of what cleaning must produce.");
        command.Options.Add(dataset);
        command.Options.Add(rows);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(parse => Write(parse.GetValue(dataset)!, parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(output)));
        return command;
    }

    private static int Write(string dataset, int rows, int seed, string? output)
    {
        if (dataset != SpotifyDataset)
        {
            Console.Error.WriteLine($"error: there is no sample generator for dataset '{dataset}'; only '{SpotifyDataset}' has one. Put your own files in <staging>/<table>/ and pass --staging to 'run'.");
            return 1;
        }
        var folder = Path.GetFullPath(output ?? Path.Combine(".pipeline", "samples", dataset)).TrimEnd(Path.DirectorySeparatorChar);
        SampleManifest manifest;
        try
        {
            manifest = SpotifySampleGenerator.Write(folder, new SampleOptions { Rows = rows, Seed = seed });
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        var manifestFile = folder + ".manifest.json";
        File.WriteAllText(manifestFile, SpotifySampleGenerator.ManifestToJson(manifest));
        foreach (var table in manifest.Tables)
        {
            Console.WriteLine($"{Path.Combine(folder, table.File)}: {table.RowsWritten:N0} rows, {table.Bytes:N0} bytes");
        }
        Console.WriteLine($"manifest: {manifestFile}");
        return 0;
    }
}
