namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>The repository root (the folder holding pipeline.yaml and Infra.csproj), found by walking up from the test binaries.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "pipeline.yaml")) && File.Exists(System.IO.Path.Combine(directory.FullName, "Infra.csproj")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds pipeline.yaml and Infra.csproj; run the tests from the repository.");
    }
}
