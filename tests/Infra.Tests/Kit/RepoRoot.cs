namespace DataPipeline.Tests.Kit;

/// <summary>The folder holding pipeline.yaml, found by walking up from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !(File.Exists(System.IO.Path.Combine(directory.FullName, "pipeline.yaml")) && File.Exists(System.IO.Path.Combine(directory.FullName, "Infra.csproj"))))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("pipeline.yaml not found above " + AppContext.BaseDirectory);
    }
}
