namespace DataPipeline.Tests.Preview;

/// <summary>
/// The sales project alone (no app code in the repository), and a branch that removes the customers table, previewed
/// once without --fail-on-destructive: no app file differs, so the current app synthesizes and runs the base's
/// configuration and nothing is built.
/// </summary>
public sealed class ConfigOnlyPreview : IAsyncLifetime
{
    private TestRepository? _repository;

    public TestRepository Repository => _repository ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PreviewRun Run { get; private set; } = new(-1, "");

    public async Task InitializeAsync()
    {
        _repository = await TestRepository.CreateAsync();
        Repository.Write(SalesProject.BaseFiles());
        await Repository.CommitAsync("Sales pipeline");
        await Repository.GitAsync("checkout", "--quiet", "-b", "drop-customers");
        var withoutCustomers = SalesProject.BasePipeline[..SalesProject.BasePipeline.IndexOf("      - name: customers", StringComparison.Ordinal)]
            + SalesProject.BasePipeline[SalesProject.BasePipeline.IndexOf("    queries:", StringComparison.Ordinal)..];
        Repository.Write(new Dictionary<string, string> { ["pipeline.yaml"] = withoutCustomers });
        await Repository.CommitAsync("Customers move to another dataset");

        Run = await PreviewRun.OfAsync(Repository, "--base", "main");
    }

    public Task DisposeAsync()
    {
        _repository?.Dispose();
        return Task.CompletedTask;
    }
}
