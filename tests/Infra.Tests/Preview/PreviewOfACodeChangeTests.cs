namespace DataPipeline.Tests.Preview;

public sealed class PreviewOfACodeChangeTests(CodeChangePreview preview) : IClassFixture<CodeChangePreview>
{
    private string Markdown => preview.Run.Markdown;

    [Fact]
    public void Base_app_is_built_from_the_base_because_a_csharp_file_differs() =>
        Assert.Contains($"The base's own app was built in a temporary worktree, because 1 app file differs: `{CodeChangePreview.DataLakeSource}`.", Markdown);

    [Fact]
    public void Markdown_names_the_table_the_tightened_rule_shrinks_with_exact_row_counts_and_the_new_column() =>
        Assert.Contains("| `orders` | 4 | 2 | 0 | 2 | 0 | `order_id` | added `channel` VARCHAR |", Markdown);

    [Fact]
    public void Markdown_counts_the_rows_the_tightened_rule_starts_rejecting_by_reason() =>
        Assert.Contains("| `orders` | `out_of_range:quantity` | 0 | 2 |", Markdown);

    [Fact]
    public void Markdown_lists_a_table_the_change_does_not_touch_as_unchanged() =>
        Assert.Contains("Unchanged: `customers` (3 rows).", Markdown);

    [Fact]
    public void Markdown_names_the_new_saved_query_with_its_result() =>
        Assert.Contains("- `big_orders`: **new**, 1 row\n  ```diff\n    order_id,amount\n    o1,10.0\n  ```", Markdown);

    [Fact]
    public void Markdown_shows_the_changed_query_result_before_and_after() =>
        Assert.Contains("- `daily_total`: **changed**, 2 → 2 rows\n  ```diff\n    ordered_on,total\n  - 2024-01-02,15.0\n  - 2024-01-03,10.5\n  + 2024-01-02,10.0\n  + 2024-01-03,3.0\n  ```", Markdown);

    [Fact]
    public void Markdown_shows_the_renamed_bucket_construct_as_a_replaced_resource() =>
        Assert.Contains("| **replaced** | `DataLake/WarehouseBucket` | `AWS::S3::Bucket` | construct renamed from `DataLake/Warehouse`", Markdown);

    [Fact]
    public void Markdown_calls_the_replaced_bucket_a_destructive_change() =>
        Assert.Contains("> - `acme-dev-sales`: replaces AWS::S3::Bucket `DataLake/Warehouse` with `DataLake/WarehouseBucket` (construct renamed; both are named `acme-dev-sales-warehouse-123456789012`, so the deploy fails with 'already exists' unless the old one is deleted first)", Markdown);

    [Fact]
    public void Fail_on_destructive_makes_a_destructive_change_exit_2() =>
        Assert.Equal(2, preview.Run.ExitCode);

    [Fact]
    public async Task Preview_leaves_no_worktree_behind_and_the_working_tree_as_it_was()
    {
        Assert.Single((await preview.Repository.GitAsync("worktree", "list", "--porcelain")).Split('\n'), l => l.StartsWith("worktree ", StringComparison.Ordinal));
        Assert.Equal("", await preview.Repository.GitAsync("status", "--porcelain"));
    }
}
