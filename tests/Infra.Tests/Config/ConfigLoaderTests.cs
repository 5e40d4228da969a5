using DataPipeline.Config;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Config;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    private void AssertSingleError(string expected) => Assert.Equal([expected], _files.Errors());

    [Fact]
    public void Valid_configuration_loads_without_errors()
    {
        var config = _files.Load();
        Assert.Equal(["dev", "prod"], config.Environments.Select(e => e.Name).ToArray());
        Assert.Equal("orders", config.Pipeline.Datasets.Single().Tables.Single().Name);
    }

    [Fact]
    public void Shipped_configuration_loads_without_errors()
    {
        var config = ConfigLoader.Load(RepoRoot.Path);
        Assert.Contains(config.Pipeline.Datasets, d => d.Name == "spotify");
    }

    [Fact]
    public void Unknown_key_is_rejected_with_the_closest_known_key()
    {
        _files.Change("pipeline.yaml", "key: [order_id]", "kye: [order_id]");
        AssertSingleError("pipeline.yaml line 10: 'datasets[sales].tables[orders].kye' is not a known setting here; did you mean 'key'?");
    }

    [Fact]
    public void Unknown_key_without_a_close_match_lists_the_known_keys()
    {
        _files.Change("pipeline.prod.yaml", "region: eu-west-1", "region: eu-west-1\ncolour: blue");
        AssertSingleError("pipeline.prod.yaml line 3: 'colour' is not a known setting here; remove it. Known settings: account, alerts, athena, crawler, datasets, etl, glue_catalog_encryption, quicksight, region, removal_policy, retention, tags.");
    }

    [Fact]
    public void Missing_required_key_is_rejected()
    {
        _files.Change("pipeline.yaml", "project: acme\n", "");
        AssertSingleError("pipeline.yaml line 1: 'project' is missing; add it (a text value).");
    }

    [Fact]
    public void Duplicate_column_names_are_rejected()
    {
        _files.Change("pipeline.yaml", "name: amount", "name: order_id");
        AssertSingleError("pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[order_id].name' repeats the column 'order_id' defined at line 12 (names are compared ignoring case); rename or remove one.");
    }

    [Fact]
    public void Duplicate_names_are_compared_ignoring_case()
    {
        _files.Change("pipeline.yaml", "name: amount", "name: Order_Id");
        Assert.Contains("pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[Order_Id].name' repeats the column 'order_id' defined at line 12 (names are compared ignoring case); rename or remove one.", _files.Errors());
    }

    [Fact]
    public void Duplicate_dataset_names_are_rejected()
    {
        _files.Change("pipeline.yaml", "    queries:\n      - { name: daily_total, sql: sql/sales/daily_total.sql }\n",
            "    queries:\n      - { name: daily_total, sql: sql/sales/daily_total.sql }\n  - name: sales\n    tables:\n      - name: refunds\n        columns: [{ name: id, type: string }]\n");
        AssertSingleError("pipeline.yaml line 17: 'datasets[sales].name' repeats the dataset 'sales' defined at line 7 (names are compared ignoring case); rename or remove one.");
    }

    [Fact]
    public void Bucket_name_too_long_after_environment_and_dataset_are_added_is_rejected()
    {
        const string dataset = "sales_and_marketing_reports_2024";
        _files.Change("pipeline.yaml", "name: sales", $"name: {dataset}")
            .Change("pipeline.dev.yaml", "sales: {}", $"{dataset}: {{}}")
            .Change("pipeline.prod.yaml", "sales: {}", $"{dataset}: {{}}");
        _files.Files["sql/sales_and_marketing_reports_2024/daily_total.sql"] = _files.Files["sql/sales/daily_total.sql"];
        _files.Change("pipeline.yaml", "sql/sales/daily_total.sql", $"sql/{dataset}/daily_total.sql");
        _files.Files.Remove("sql/sales/daily_total.sql");
        Assert.Equal(
        [
            "pipeline.dev.yaml line 7: 'datasets.sales_and_marketing_reports_2024' makes the S3 bucket name 'acme-dev-sales-and-marketing-reports-2024-warehouse-123456789012' (64 characters); bucket names have 3 to 63 characters, so shorten the project or dataset name.",
            "pipeline.prod.yaml line 5: 'datasets.sales_and_marketing_reports_2024' makes the S3 bucket name 'acme-prod-sales-and-marketing-reports-2024-warehouse-123456789012' (65 characters); bucket names have 3 to 63 characters, so shorten the project or dataset name.",
        ], _files.Errors());
    }

    [Fact]
    public void Role_name_longer_than_64_characters_is_rejected()
    {
        _files.Change("pipeline.yaml", "name: orders", "name: orders_enriched_with_customer_segments_and_regions");
        Assert.Contains("pipeline.dev.yaml line 7: 'datasets.sales' makes the IAM role name 'acme-dev-sales-etl-orders-enriched-with-customer-segments-and-regions' (69 characters); role names are at most 64 characters of letters, digits and +=,.@_-, so shorten the project, dataset or table name.", _files.Errors());
    }

    [Fact]
    public void Column_name_with_uppercase_letters_is_rejected()
    {
        _files.Change("pipeline.yaml", "name: amount", "name: Amount");
        AssertSingleError("pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[Amount].name' is 'Amount'; a column name must start with a lowercase letter and hold only lowercase letters, digits and underscores (Glue and Athena rules).");
    }

    [Fact]
    public void Column_named_with_a_reserved_word_is_rejected()
    {
        _files.Change("pipeline.yaml", "name: amount", "name: date");
        AssertSingleError("pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[date].name' is 'date', a reserved word in Athena; rename the column (e.g. 'date_value').");
    }

    [Fact]
    public void Unknown_column_type_is_rejected()
    {
        _files.Change("pipeline.yaml", "type: double", "type: float");
        AssertSingleError("pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[amount].type' is 'float', which is not a known type; use string, int, bigint, double, decimal(p,s), boolean, date or timestamp.");
    }

    [Fact]
    public void Cron_with_five_fields_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "cron(0 5 * * ? *)", "cron(0 5 * * *)");
        AssertSingleError("pipeline.dev.yaml line 5: 'crawler.schedule' is 'cron(0 5 * * *)': a cron expression has six fields (minutes hours day-of-month month day-of-week year), this one has 5; e.g. cron(0 3 * * ? *).");
    }

    [Fact]
    public void Cron_without_a_question_mark_in_either_day_field_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "cron(0 5 * * ? *)", "cron(0 5 * * * *)");
        AssertSingleError("pipeline.dev.yaml line 5: 'crawler.schedule' is 'cron(0 5 * * * *)': exactly one of day-of-month and day-of-week must be '?'; e.g. cron(0 3 * * ? *) for every day.");
    }

    [Fact]
    public void Cron_running_more_often_than_every_five_minutes_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "cron(0 5 * * ? *)", "cron(0/2 * * * ? *)");
        AssertSingleError("pipeline.dev.yaml line 5: 'crawler.schedule' is 'cron(0/2 * * * ? *)': it would run more often than every 5 minutes; use a step of at least 5, e.g. 0/15.");
    }

    [Fact]
    public void Query_sql_file_that_does_not_exist_is_rejected()
    {
        _files.Files.Remove("sql/sales/daily_total.sql");
        AssertSingleError("pipeline.yaml line 16: 'datasets[sales].queries[daily_total].sql' points to sql/sales/daily_total.sql, which does not exist; create the file or fix the path (relative to the folder of pipeline.yaml).");
    }

    [Fact]
    public void Sql_file_not_listed_as_a_query_is_rejected()
    {
        _files.Files["sql/sales/forgotten.sql"] = "SELECT 1";
        AssertSingleError("pipeline.yaml line 15: 'datasets[sales].queries' does not list sql/sales/forgotten.sql; every SQL file under sql/sales/ becomes a saved query, so add it to queries or delete the file.");
    }

    [Fact]
    public void Unknown_placeholder_in_a_query_is_rejected_at_its_line()
    {
        _files.Files["sql/sales/daily_total.sql"] = "SELECT 1\nFROM {{databse}}.tbl_orders";
        AssertSingleError("sql/sales/daily_total.sql line 2: '{{databse}}' is not a known placeholder; use one of {{database}}, {{workgroup}}, {{environment}}, {{dataset}}.");
    }

    [Fact]
    public void Table_script_that_does_not_exist_is_rejected()
    {
        _files.Change("pipeline.yaml", "key: [order_id]", "key: [order_id]\n        script: etl/sales/orders.py");
        AssertSingleError("pipeline.yaml line 11: 'datasets[sales].tables[orders].script' points to etl/sales/orders.py, which does not exist; create the file or fix the path (relative to the folder of pipeline.yaml).");
    }

    [Fact]
    public void Retention_out_of_range_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "removal_policy: destroy\n", "removal_policy: destroy\nretention:\n  athena_results_days: 0\n");
        AssertSingleError("pipeline.dev.yaml line 5: 'retention.athena_results_days' must be between 1 and 3650 days, not 0; pick a value in that range.");
    }

    [Fact]
    public void Log_retention_that_cloudwatch_does_not_offer_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "removal_policy: destroy\n", "removal_policy: destroy\nretention:\n  log_retention_days: 2\n");
        AssertSingleError("pipeline.dev.yaml line 5: 'retention.log_retention_days' is 2 days, which is not offered; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.");
    }

    [Fact]
    public void Athena_cutoff_below_ten_megabytes_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "removal_policy: destroy\n", "removal_policy: destroy\nathena:\n  bytes_scanned_cutoff_mb: 5\n");
        AssertSingleError("pipeline.dev.yaml line 5: 'athena.bytes_scanned_cutoff_mb' must be between 10 and 1000000000 MB (Athena's smallest cutoff is 10 MB), not 5; pick a value in that range.");
    }

    [Fact]
    public void Destroy_removal_policy_in_production_is_rejected()
    {
        _files.Change("pipeline.prod.yaml", "removal_policy: retain", "removal_policy: destroy");
        AssertSingleError("pipeline.prod.yaml line 3: 'removal_policy' is destroy, but 'prod' is a production environment; production data is always retained, so use retain.");
    }

    [Fact]
    public void Environment_file_for_an_undeclared_environment_is_rejected()
    {
        _files.Files["pipeline.staging.yaml"] = ConfigFiles.ValidProd;
        AssertSingleError("pipeline.staging.yaml line 1: this file is for environment 'staging', which pipeline.yaml does not declare; add it under environments or delete the file.");
    }

    [Fact]
    public void Declared_environment_without_a_file_is_rejected()
    {
        _files.Files.Remove("pipeline.prod.yaml");
        AssertSingleError("pipeline.yaml line 4: 'environments[prod].name' declares environment 'prod', but pipeline.prod.yaml does not exist; create it or remove the environment.");
    }

    [Fact]
    public void Environment_naming_an_undefined_dataset_is_rejected_with_the_closest_name()
    {
        _files.Change("pipeline.dev.yaml", "sales: {}", "sale: {}");
        AssertSingleError("pipeline.dev.yaml line 7: 'datasets.sale' is not a dataset of pipeline.yaml; did you mean 'sales'?");
    }

    [Fact]
    public void Synthesizing_an_environment_that_does_not_exist_is_rejected()
    {
        var config = _files.Load();
        var error = Assert.Throws<ConfigException>(() => config.Environment("staging"));
        Assert.Equal("pipeline.yaml line 2: 'environments' has no environment 'staging'; use one of dev, prod, or declare it here and create pipeline.staging.yaml.", error.Errors.Single().ToString());
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        _files.Change("pipeline.prod.yaml", "region: eu-west-1", "region: [eu-west-1");
        var error = Assert.Single(_files.Errors());
        Assert.StartsWith("pipeline.prod.yaml line 2: this is not valid YAML (", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_together_in_file_and_line_order()
    {
        _files.Change("pipeline.yaml", "key: [order_id]", "kye: [order_id]")
            .Change("pipeline.yaml", "type: double", "type: float")
            .Change("pipeline.prod.yaml", "removal_policy: retain", "removal_policy: destroy")
            .Change("pipeline.dev.yaml", "cron(0 5 * * ? *)", "cron(0 5 * * *)");
        Assert.Equal(
        [
            "pipeline.dev.yaml line 5: 'crawler.schedule' is 'cron(0 5 * * *)': a cron expression has six fields (minutes hours day-of-month month day-of-week year), this one has 5; e.g. cron(0 3 * * ? *).",
            "pipeline.prod.yaml line 3: 'removal_policy' is destroy, but 'prod' is a production environment; production data is always retained, so use retain.",
            "pipeline.yaml line 10: 'datasets[sales].tables[orders].kye' is not a known setting here; did you mean 'key'?",
            "pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[amount].type' is 'float', which is not a known type; use string, int, bigint, double, decimal(p,s), boolean, date or timestamp.",
        ], _files.Errors());
    }
}
