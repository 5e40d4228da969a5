using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Preview;

/// <summary>
/// A copy of this app with the sales project, and a branch whose one commit tightens a rule, adds a column, adds a
/// saved query and renames the warehouse bucket's construct (Warehouse to WarehouseBucket, its name in the app today),
/// previewed once with --fail-on-destructive against main.
/// The head's app is this build, as when a user previews their branch; the base differs in C#, so the preview really
/// builds the base's app in a temporary worktree (about 20 s here), and each revision really synthesizes and runs.
/// </summary>
public sealed class CodeChangePreview : IAsyncLifetime
{
    public const string DataLakeSource = "components/DataLake/DataLake.cs";

    // Build inputs of the app; the project's own config, SQL, samples and tests are left out for the sales project.
    private static readonly string[] NotCopied = ["tests/", "bench/", "samples/", "sql/", ".github/", ".ci/", "pipeline."];

    private TestRepository? _repository;

    public TestRepository Repository => _repository ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PreviewRun Run { get; private set; } = new(-1, "");

    public async Task InitializeAsync()
    {
        _repository = await TestRepository.CreateAsync();
        await CopyAppAsync(Repository.Path);
        var dataLake = await File.ReadAllTextAsync(Path.Combine(Repository.Path, DataLakeSource));
        var renamedBack = dataLake.Replace("\"WarehouseBucket\"", "\"Warehouse\"", StringComparison.Ordinal);
        Assert.NotEqual(dataLake, renamedBack);
        Repository.Write(new Dictionary<string, string> { [DataLakeSource] = renamedBack });
        Repository.Write(SalesProject.BaseFiles());
        await Repository.CommitAsync("Sales pipeline");

        await Repository.GitAsync("checkout", "--quiet", "-b", "tighten-quantity");
        Repository.Write(new Dictionary<string, string>
        {
            [DataLakeSource] = dataLake,
            ["pipeline.yaml"] = SalesProject.HeadPipeline,
            ["sql/sales/big_orders.sql"] = SalesProject.BigOrders,
        });
        await Repository.CommitAsync("Quantity must be at least 1, keep the channel, big orders query, WarehouseBucket construct");

        Run = await PreviewRun.OfAsync(Repository, "--base", "main", "--fail-on-destructive");
    }

    /// <summary>Copies the app's files as they are in this working tree (tracked and new, not ignored).</summary>
    private static async Task CopyAppAsync(string target)
    {
        var listed = await DataPipeline.Preview.ChildProcess.RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], RepoRoot.Path, CancellationToken.None);
        var files = listed.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !NotCopied.Any(path.StartsWith) && File.Exists(Path.Combine(RepoRoot.Path, path)))
            .Where(path => !path.StartsWith("etl/", StringComparison.Ordinal) || path == "etl/glue_runner.py");
        foreach (var path in files)
        {
            var copy = Path.Combine(target, path);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.Combine(RepoRoot.Path, path), copy);
        }
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }
}
