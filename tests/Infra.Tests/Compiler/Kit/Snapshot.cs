namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>
/// Compares text with a file under tests/Infra.Tests/Compiler/Snapshots/, read from the source tree.
/// To accept new output, run the tests with UPDATE_SNAPSHOTS=1: files are rewritten instead of compared; review the diff.
/// </summary>
internal static class Snapshot
{
    public static string Folder => Path.Combine(RepoRoot.Path, "tests", "Infra.Tests", "Compiler", "Snapshots");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static void Matches(string fileName, string actual)
    {
        var path = Path.Combine(Folder, fileName);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Snapshot {path} does not exist; run the tests with UPDATE_SNAPSHOTS=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
