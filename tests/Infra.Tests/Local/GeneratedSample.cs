using DataPipeline.Local.Sample;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>One generation with the committed sample's options (400 rows, seed 42), shared by a test class.</summary>
public sealed class GeneratedSample : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public GeneratedSample()
    {
        Manifest = SpotifySampleGenerator.Write(_folder.Path, new SampleOptions { Rows = 400, Seed = 42 });
    }

    public string Path => _folder.Path;
    public SampleManifest Manifest { get; }

    internal SampleCsv Read(string table) => SampleCsv.Read(System.IO.Path.Combine(Path, table, table + ".csv"));

    public void Dispose() => _folder.Dispose();
}
