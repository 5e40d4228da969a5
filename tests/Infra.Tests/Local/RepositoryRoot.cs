namespace DataPipeline.Tests.Local;

/// <summary>The folder of pipeline.yaml, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "pipeline.yaml")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("pipeline.yaml not found above " + AppContext.BaseDirectory + ".");
    }
}
