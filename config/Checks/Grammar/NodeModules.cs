namespace DataPipeline.Config.Checks.Grammar;

/// <summary>
/// Finds the node_modules folder that holds dt-sql-parser: the one next to pipeline.yaml or in a folder above it (where
/// Node itself would look), else one named by NODE_PATH, else the one of the repository the app was built in.
/// </summary>
internal static class NodeModules
{
    public const string Package = "dt-sql-parser";

    public static string? Find(string configRoot) => Find(configRoot, Environment.GetEnvironmentVariable("NODE_PATH"), AppContext.BaseDirectory);

    public static string? Find(string configRoot, string? nodePath, string appFolder)
    {
        var fromNodePath = (nodePath ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Upwards(configRoot).Concat(fromNodePath).Concat(Upwards(appFolder))
            .FirstOrDefault(folder => Directory.Exists(Path.Combine(folder, Package)));
    }

    private static IEnumerable<string> Upwards(string folder)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(folder)); current is not null; current = current.Parent)
        {
            yield return Path.Combine(current.FullName, "node_modules");
        }
    }
}
