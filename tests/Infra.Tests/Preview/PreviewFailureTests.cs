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
}
