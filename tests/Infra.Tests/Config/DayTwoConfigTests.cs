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
    public void A_column_optional_in_the_header_is_accepted()
    {
        _files.Change("pipeline.yaml", "{ name: amount, type: double, rules: { min: 0 } }", "{ name: amount, type: double, optional_in_header: true, rules: { min: 0 } }");
        Assert.Empty(_files.Errors());
    }

    [Fact]
    public void A_table_whose_every_column_is_optional_in_the_header_is_refused()
    {
        _files.Change("pipeline.yaml", "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n",
            "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n"
            + "  - name: web\n    tables:\n      - name: visits\n        columns:\n          - { name: page, type: string, optional_in_header: true }\n");
        _files.Change("pipeline.dev.yaml", "  sales: {}", "  sales: {}\n  web: {}");
        _files.Change("pipeline.prod.yaml", "  sales: {}", "  sales: {}\n  web: {}");
        AssertSingleError("pipeline.yaml line 20: 'datasets[web].tables[visits].columns' are all optional_in_header, so no header would ever be checked and a wrong file would read as empty rows; keep at least one column every file must have.");
    }

    [Fact]
    public void A_required_column_optional_in_the_header_is_refused()
    {
        _files.Change("pipeline.yaml", "{ name: ordered_on, type: date, required: true }", "{ name: ordered_on, type: date, required: true, optional_in_header: true }");
        AssertSingleError("pipeline.yaml line 14: 'datasets[sales].tables[orders].columns[ordered_on].optional_in_header' cannot go with required: true: every row of a file without the column would be rejected as missing_required; remove one of the two.");
    }

    [Fact]
    public void A_json_column_optional_in_the_header_is_refused() =>
        AssertAmountOptionalInHeaderRefusedWith("source: { format: jsonl }",
            "applies to CSV headers; a JSON record without the key already reads it as NULL, so remove it.");

    [Fact]
    public void A_headerless_csv_column_optional_in_the_header_is_refused() =>
        AssertAmountOptionalInHeaderRefusedWith("source: { format: csv, header: false }",
            "applies to CSV files with a header, and this table's source has header: false; remove it.");

    [Fact]
    public void A_json_key_that_spark_cannot_name_in_a_path_is_refused()
    {
        ReadAmountFromJsonKey("it's.amount");
        AssertSingleError("pipeline.yaml line 14: 'datasets[sales].tables[orders].columns[amount].from' is the JSON key 'it's.amount', which Spark's get_json_object cannot name: a key holding ' or ? must hold no . or [, none may start with white space, and * alone or first is a wildcard; rename the key in the files.");
    }

    [Fact]
    public void A_json_key_with_a_question_mark_is_accepted()
    {
        ReadAmountFromJsonKey("amount?");
        Assert.Empty(_files.Errors());
    }

    private void ReadAmountFromJsonKey(string key)
    {
        _files.Change("pipeline.yaml", "        key: [order_id]\n", "        key: [order_id]\n        source: { format: jsonl }\n");
        _files.Change("pipeline.yaml", "{ name: amount, type: double, rules: { min: 0 } }", $"{{ name: amount, from: \"{key}\", type: double, rules: {{ min: 0 }} }}");
    }

    private void AssertAmountOptionalInHeaderRefusedWith(string source, string problem)
    {
        _files.Change("pipeline.yaml", "        key: [order_id]\n", $"        key: [order_id]\n        {source}\n");
        _files.Change("pipeline.yaml", "{ name: amount, type: double, rules: { min: 0 } }", "{ name: amount, type: double, optional_in_header: true, rules: { min: 0 } }");
        AssertSingleError($"pipeline.yaml line 14: 'datasets[sales].tables[orders].columns[amount].optional_in_header' {problem}");
    }

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

    [Fact]
    public void Dataset_whose_job_names_start_with_another_datasets_job_prefix_is_rejected()
    {
        _files.Change("pipeline.yaml", "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n",
            "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n" +
            "  - name: sales_eu\n    tables:\n      - name: orders\n        columns:\n          - { name: order_id, type: string }\n");
        _files.Change("pipeline.dev.yaml", "  sales: {}", "  sales: {}\n  sales_eu: {}");
        _files.Change("pipeline.prod.yaml", "  sales: {}", "  sales: {}\n  sales_eu: {}");
        Assert.Equal(
            [
                "pipeline.dev.yaml line 8: 'datasets.sales_eu' names Glue jobs 'acme-dev-sales-eu-...', which also start with 'acme-dev-sales-', the prefix by which dataset 'sales' matches its failed jobs; rename one of the two datasets.",
                "pipeline.prod.yaml line 6: 'datasets.sales_eu' names Glue jobs 'acme-prod-sales-eu-...', which also start with 'acme-prod-sales-', the prefix by which dataset 'sales' matches its failed jobs; rename one of the two datasets.",
            ],
            _files.Errors());
    }

    [Fact]
    public void More_than_one_concurrent_run_of_a_job_is_rejected()
    {
        WithDev("etl:\n  max_concurrent_runs: 2\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.max_concurrent_runs' is 2; two runs of one job would write the same warehouse table at once, so jobs run one at a time: remove it or set 1.");
    }

    [Fact]
    public void Crawler_runs_after_the_etl_by_default_and_on_its_own_schedule_when_given_a_cron()
    {
        var config = _files.Load();
        var prod = config.Plan("prod").Single().Crawler;
        var dev = config.Plan("dev").Single().Crawler;
        Assert.True(prod.AfterEtl);
        Assert.False(dev.AfterEtl);
        Assert.Equal("cron(0 5 * * ? *)", dev.Schedule.Cron);
    }

    [Fact]
    public void Dataset_whose_jobs_would_exceed_glues_trigger_and_workflow_limits_is_rejected_with_the_tables_per_job_that_fits()
    {
        using var files = Kit.LargeDataset.Files(tables: 100, tablesPerJob: 1);
        Assert.Equal(
            [
                "pipeline.dev.yaml line 9: 'datasets.sales' gives 100 Glue jobs that start together; a trigger starts at most 50 and an account runs 50 at once by default, so set etl.tables_per_job to 2 (now 1).",
                "pipeline.dev.yaml line 9: 'datasets.sales' gives a Glue workflow of 103 jobs, crawlers and triggers; a workflow holds at most 100, so set etl.tables_per_job to 2 (now 1).",
                "pipeline.prod.yaml line 11: 'datasets.sales' gives 100 Glue jobs that start together; a trigger starts at most 50 and an account runs 50 at once by default, so set etl.tables_per_job to 2 (now 1).",
                "pipeline.prod.yaml line 11: 'datasets.sales' gives a Glue workflow of 105 jobs, crawlers and triggers; a workflow holds at most 100, so set etl.tables_per_job to 2 (now 1).",
            ],
            files.Errors());
    }

    [Fact]
    public void More_tables_per_job_than_a_trigger_starts_jobs_is_rejected_with_the_range()
    {
        WithDev("etl:\n  tables_per_job: 51\n");
        AssertSingleError("pipeline.dev.yaml line 7: 'etl.tables_per_job' must be between 1 and 50 tables, not 51; pick a value in that range.");
    }

    [Fact]
    public void Catalog_encryption_in_an_environment_of_several_datasets_is_rejected()
    {
        _files.Change("pipeline.yaml", "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n",
            "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n" +
            "  - name: billing\n    tables:\n      - name: invoices\n        columns:\n          - { name: invoice_id, type: string }\n");
        _files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", "glue_catalog_encryption: true\ndatasets:\n  sales: {}\n  billing: {}");
        _files.Change("pipeline.prod.yaml", "  sales: {}", "  sales: {}\n  billing: {}");
        AssertSingleError("pipeline.dev.yaml line 6: 'glue_catalog_encryption' is true, but an account and region have one Glue Data Catalog encryption setting and this environment deploys 2 datasets, each with a key of its own; deploy one dataset here or turn it off.");
    }
}
