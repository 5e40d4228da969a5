namespace DataPipeline.Tests.Preview;

public sealed class PreviewOfAConfigChangeTests(ConfigOnlyPreview preview) : IClassFixture<ConfigOnlyPreview>
{
    [Fact]
    public void Current_app_runs_the_base_configuration_when_no_app_file_differs() =>
        Assert.Contains("No app code differs (no C#, project or `etl/*.py` file), so the base was synthesized and run by the current app on the base's configuration.", preview.Run.Markdown);

    [Fact]
    public void A_removed_table_is_a_destructive_change_with_its_row_count() =>
        Assert.Contains("> - dataset `sales`: removes table `customers` (3 rows before)", preview.Run.Markdown);

    [Fact]
    public void Markdown_shows_the_removed_table_in_the_data_changes() =>
        Assert.Contains("| `customers` | 3 | **removed** | 0 | 3 |  |  |  |", preview.Run.Markdown);

    [Fact]
    public void Without_fail_on_destructive_a_destructive_change_exits_0() =>
        Assert.Equal(0, preview.Run.ExitCode);
}
