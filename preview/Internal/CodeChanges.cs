namespace DataPipeline.Preview;

/// <summary>
/// Which changed files change the app itself. When none do, the base's templates and data come from the current app
/// run against the base's configuration, which saves building the base (tens of seconds).
/// </summary>
internal static class CodeChanges
{
    private static readonly string[] CodeExtensions = [".cs", ".csproj", ".props", ".targets"];

    // Tests and benchmarks are not part of the app; config, SQL, samples, docs and cdk.json (read per revision) are data to it.
    private static readonly string[] NotTheApp = ["tests/", "bench/"];

    public static IReadOnlyList<string> In(IEnumerable<string> changedFiles) =>
        changedFiles.Where(IsCode).ToList();

    private static bool IsCode(string file)
    {
        var path = file.Replace('\\', '/');
        if (NotTheApp.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return false;
        }
        // etl/*.py (the generic Glue runner) ships inside the app; a table's own script (etl/<dataset>/*.py) is read
        // from the configuration folder like its SQL.
        return CodeExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase)
            || (path.StartsWith("etl/", StringComparison.Ordinal) && path.EndsWith(".py", StringComparison.Ordinal) && path.Count(c => c == '/') == 1);
    }
}
