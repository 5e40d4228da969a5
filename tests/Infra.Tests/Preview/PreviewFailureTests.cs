namespace DataPipeline.Tests.Preview;

public sealed class PreviewFailureTests
{
    [Fact]
    public async Task A_base_that_is_not_a_commit_fails_with_exit_1_and_no_markdown()
    {
        using var repository = await TestRepository.CreateAsync();
        repository.Write(SalesProject.BaseFiles());
        await repository.CommitAsync("Sales pipeline");

        var run = await PreviewRun.OfAsync(repository, "--base", "no-such-branch");

        Assert.Equal(new PreviewRun(1, ""), run);
    }

    [Fact]
    public async Task A_base_whose_configuration_does_not_load_fails_with_exit_1_and_no_markdown()
    {
        using var repository = await TestRepository.CreateAsync();
        repository.Write(SalesProject.BaseFiles());
        repository.Write(new Dictionary<string, string> { ["pipeline.yaml"] = SalesProject.BasePipeline.Replace("key: [order_id]", "kye: [order_id]", StringComparison.Ordinal) });
        await repository.CommitAsync("Sales pipeline with a typo");
        await repository.GitAsync("checkout", "--quiet", "-b", "fix-typo");
        repository.Write(new Dictionary<string, string> { ["pipeline.yaml"] = SalesProject.BasePipeline });
        await repository.CommitAsync("Fix the typo");

        var run = await PreviewRun.OfAsync(repository, "--base", "main");

        Assert.Equal(new PreviewRun(1, ""), run);
    }
}
