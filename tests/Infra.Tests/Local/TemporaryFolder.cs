namespace DataPipeline.Tests.Local;

internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("spotify-sample-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
