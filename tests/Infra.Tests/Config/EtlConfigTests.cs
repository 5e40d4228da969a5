namespace DataPipeline.Tests.Config;

/// <summary>The etl section of the environment files, validated as AWS Glue would.</summary>
public sealed class EtlConfigTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    private void WithDevEtl(string etl) =>
        _files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", "etl:\n" + etl + "datasets:\n  sales: {}");

    private void AssertSingleError(string expected) => Assert.Equal([expected], _files.Errors());

    [Fact]
    public void Worker_type_glue_does_not_offer_is_rejected()
    {
        WithDevEtl("  worker_type: G.3X\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.worker_type' is 'G.3X'; use one of G.1X, G.2X, G.4X, G.8X, G.12X, G.16X, R.1X, R.2X, R.4X, R.8X.");
    }

    [Fact]
    public void Streaming_worker_type_is_rejected_for_batch_jobs()
    {
        WithDevEtl("  worker_type: G.025X\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.worker_type' is G.025X, which Glue offers only for streaming jobs; use G.1X or larger.");
    }

    [Fact]
    public void Large_worker_type_on_glue_4_is_rejected()
    {
        WithDevEtl("  glue_version: \"4.0\"\n  worker_type: G.12X\n");
        AssertSingleError("pipeline.dev.yaml line 8: 'etl.worker_type' is G.12X, which needs glue_version \"5.0\"; raise the version or pick G.1X to G.8X.");
    }

    [Fact]
    public void Job_bookmarks_are_refused_with_what_replaced_them()
    {
        WithDevEtl("  job_bookmarks: true\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.job_bookmarks' is gone: every run reads only the staging files its table's ledger (_state/<table>/ledger.jsonl) has not seen, and Glue's own bookmarks stay disabled; delete the line.");
    }

    [Fact]
    public void Job_bookmarks_of_one_table_are_refused_too()
    {
        WithDevEtl("  tables:\n    orders:\n      job_bookmarks: false\n");
        AssertSingleError("pipeline.dev.yaml line 9: 'etl.tables.orders.job_bookmarks' is gone: every run reads only the staging files its table's ledger (_state/<table>/ledger.jsonl) has not seen, and Glue's own bookmarks stay disabled; delete the line.");
    }

    [Fact]
    public void A_schedule_whose_files_could_reach_glacier_before_their_first_run_is_refused()
    {
        WithDevEtl("  schedule: cron(0 3 1 */3 ? *)\n");
        AssertSingleError("pipeline.dev.yaml line 1: 'retention' staging_glacier_days is 90 days, but a landed file may wait 99 days for its first run (dataset 'sales' runs on cron(0 3 1 */3 ? *), up to 92 days apart, plus 7 days to rerun a failed run), and runs skip files in Glacier (counted as files_archived); raise it above 99 or run more often.");
    }

    [Fact]
    public void A_staging_expiry_shorter_than_the_wait_for_the_first_run_is_refused()
    {
        WithDevEtl("  schedule: cron(0 3 1 */3 ? *)\n");
        _files.Change("pipeline.dev.yaml", "removal_policy: destroy\n", "removal_policy: destroy\nretention:\n  staging_glacier_days: 60\n  staging_expiration_days: 95\n");
        AssertSingleError("pipeline.dev.yaml line 6: 'retention.staging_expiration_days' is 95 days, but a landed file may wait 99 days for its first run (dataset 'sales' runs on cron(0 3 1 */3 ? *), up to 92 days apart, plus 7 days to rerun a failed run), so files would be deleted unread; raise it above 99 or run more often.");
    }

    [Fact]
    public void Landed_files_that_start_the_workflow_need_only_the_grace_days()
    {
        WithDevEtl("  event_driven: true\n");
        _files.Change("pipeline.dev.yaml", "removal_policy: destroy\n", "removal_policy: destroy\nretention:\n  staging_infrequent_access_days: 30\n  staging_glacier_days: 31\n  staging_expiration_days: 32\n");
        Assert.Empty(_files.Errors());
    }

    [Fact]
    public void Unknown_glue_version_is_rejected()
    {
        WithDevEtl("  glue_version: \"3.0\"\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.glue_version' is '3.0'; use \"4.0\" or \"5.0\" (quoted).");
    }

    [Fact]
    public void Fewer_than_two_workers_is_rejected()
    {
        WithDevEtl("  workers: 1\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.workers' must be between 2 and 299 (Glue Spark jobs need at least 2 workers), not 1; pick a value in that range.");
    }

    [Fact]
    public void Timeout_beyond_glues_limit_is_rejected()
    {
        WithDevEtl("  timeout_minutes: 10080\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.timeout_minutes' must be between 1 and 10079 minutes, not 10080; pick a value in that range.");
    }

    [Fact]
    public void Flex_execution_in_production_is_rejected()
    {
        _files.Change("pipeline.prod.yaml", "datasets:\n  sales: {}", "etl:\n  flex: true\ndatasets:\n  sales: {}");
        AssertSingleError("pipeline.prod.yaml line 5: 'etl.flex' is true in a production environment; Flex runs may start late, so turn it off.");
    }

    [Fact]
    public void Flex_execution_in_dev_is_accepted()
    {
        WithDevEtl("  flex: true\n");
        Assert.Empty(_files.Errors());
    }

    [Fact]
    public void Table_override_for_a_table_the_dataset_does_not_have_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "  sales: {}", "  sales:\n    etl:\n      tables:\n        oders: { workers: 4 }");
        AssertSingleError("pipeline.dev.yaml line 9: 'datasets.sales.etl.tables' names 'oders', which is not a table of dataset 'sales'; fix the name or remove it.");
    }

    [Fact]
    public void Table_override_is_validated_with_the_table_named()
    {
        _files.Change("pipeline.dev.yaml", "  sales: {}", "  sales:\n    etl:\n      tables:\n        orders: { workers: 1 }");
        AssertSingleError("pipeline.dev.yaml line 10: 'datasets.sales.etl.tables.orders.workers' must be between 2 and 299 (Glue Spark jobs need at least 2 workers), not 1; pick a value in that range.");
    }

    [Fact]
    public void Table_override_names_its_table_in_cross_setting_errors()
    {
        _files.Change("pipeline.dev.yaml", "  sales: {}", "  sales:\n    etl:\n      tables:\n        orders: { worker_type: G.4X, flex: true }");
        AssertSingleError("pipeline.dev.yaml line 9: 'datasets.sales.etl.flex' is true (job of table 'orders') with worker type G.4X; Flex runs only on G.1X and G.2X.");
    }

    [Fact]
    public void Freshness_window_beyond_seven_days_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", "alerts:\n  freshness_hours: 200\ndatasets:\n  sales: {}");
        AssertSingleError("pipeline.dev.yaml line 7: 'alerts.freshness_hours' must be between 1 and 168 hours (CloudWatch alarms look back at most 7 days), not 200; pick a value in that range.");
    }
}
