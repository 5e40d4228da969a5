using System.CommandLine;
using DataPipeline.Bench.Spotify;
using DataPipeline.Local.Sample;

namespace DataPipeline.Bench;

/// <summary>Writes the relational Spotify sample (artists, albums, tracks, features whose keys join) and its manifest.</summary>
internal static class SpotifySampleCommand
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Distinct tracks to generate.", DefaultValueFactory = _ => 400 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same rows and seed give byte-identical files.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Folder to write <table>/<table>.csv into; the manifest goes beside it as <out>.manifest.json.", Required = true };
        var command = new Command("spotify-sample", "Generate the Spotify staging sample with known defects and duplicates, and its manifest.");
        command.Options.Add(rows);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.SetAction(parse => Write(parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(output)!));
        return command;
    }

    private static int Write(int rows, int seed, string output)
    {
        var folder = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        SampleManifest manifest;
        try
        {
            manifest = SpotifySampleGenerator.Write(folder, new SpotifySampleOptions { Rows = rows, Seed = seed });
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
            Console.WriteLine($"{Path.Combine(folder, table.Files[0])}: {table.RowsWritten:N0} rows, {table.Bytes:N0} bytes");
        }
        Console.WriteLine($"manifest: {manifestFile}");
        return 0;
    }
}
