namespace DataPipeline.Tests.Config;

/// <summary>Settings and limits that only show once the pipeline runs on AWS, each refused with what to do.</summary>
public sealed class DayTwoConfigTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    private void WithDev(string section) =>
        _files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", section + "datasets:\n  sales: {}");

    private void AssertSingleError(string expected) => Assert.Equal([expected], _files.Errors());

    [Fact]
    public void Batch_window_beyond_the_900_seconds_glue_allows_is_rejected_with_the_range()
    {
        WithDev("etl:\n  event_driven: true\n  batch_window_minutes: 16\n");
        AssertSingleError("pipeline.dev.yaml line 8: 'etl.batch_window_minutes' must be between 1 and 15 minutes (Glue batches events for 1 to 900 seconds), not 16; pick a value in that range.");
    }

    [Fact]
    public void Batch_window_of_15_minutes_is_accepted()
    {
        WithDev("etl:\n  event_driven: true\n  batch_window_minutes: 15\n");
        Assert.Empty(_files.Errors());
    }
}
