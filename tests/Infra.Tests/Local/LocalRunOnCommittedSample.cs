using System.Text.Json;
using DataPipeline.Local;
using DataPipeline.Local.Sample;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>One local run of the dev environment on the committed sample (samples/spotify), into a temporary folder.</summary>
public sealed class LocalRunOnCommittedSample : IDisposable
{
    private readonly TemporaryFolder _out = new();

    public LocalRunOnCommittedSample()
    {
        StagingHashesBefore = LocalRunKit.Hashes(StagingFolder);
        Result = LocalRunKit.Run(StagingFolder, _out.Path);
        Manifest = JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(ManifestFile), LocalRunKit.SnakeCase)!;
    }

    public static string StagingFolder => Path.Combine(RepoRoot.Path, "samples", "spotify");

    private static string ManifestFile => Path.Combine(RepoRoot.Path, "samples", "spotify.manifest.json");

    public DatasetRunResult Result { get; }

    public SampleManifest Manifest { get; }

    public IReadOnlyDictionary<string, string> StagingHashesBefore { get; }

    public string OutputFolder => Result.OutputFolder;

    public void Dispose() => _out.Dispose();
}
