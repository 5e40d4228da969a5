using DataPipeline.Config;

namespace DataPipeline.Tests.Config;

/// <summary>Loading the configuration describes every table, derived table and saved query on DuckDB, so SQL a run would refuse is refused by synth too.</summary>
public sealed class SqlDescribeTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    private SqlDescribeTests WithDerived(string sql, string dependsOn = "[orders]")
    {
        _files.Change("pipeline.yaml", "    queries:\n", $"    derived:\n      - {{ name: totals, sql: etl/sales/totals.sql, depends_on: {dependsOn} }}\n    queries:\n");
        _files.Files["etl/sales/totals.sql"] = sql;
        return this;
    }

    [Fact]
    public void Derived_columns_get_the_types_both_engines_write()
    {
        WithDerived("SELECT ordered_on, COUNT(*) AS orders, SUM(amount) AS amount, AVG(amount) AS average FROM orders GROUP BY 1");

        var schema = _files.Load().Schemas["sales"];

        Assert.Equal(["ordered_on:date", "orders:bigint", "amount:double", "average:double"], schema.Derived["totals"].Select(c => $"{c.Name}:{c.Type}"));
    }

    [Fact]
    public void A_sum_of_integers_is_a_bigint_as_spark_gives_it()
    {
        _files.Change("pipeline.yaml", "{ name: amount, type: double, rules: { min: 0 } }", "{ name: amount, type: int, rules: { min: 0 } }");
        WithDerived("SELECT SUM(amount) AS amount FROM orders");

        Assert.Equal("bigint", _files.Load().Schemas["sales"].Derived["totals"].Single().Type);
    }

    [Fact]
    public void Saved_query_columns_are_described()
    {
        var query = _files.Load().Schemas["sales"].Queries["daily_total"];

        Assert.Equal(["ordered_on:date", "sum(amount):double"], query.Select(c => $"{c.Name}:{c.Type}"));
    }

    [Fact]
    public void Derived_sql_that_does_not_parse_is_refused_at_its_line_by_each_engine()
    {
        WithDerived("SELECT ordered_on,\nFROM orders\nGROUP BY 1 1");

        var errors = _files.Errors();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("etl/sales/totals.sql line 2: Spark SQL (Glue) cannot parse", errors[0], StringComparison.Ordinal);
        var error = errors[1];
        Assert.StartsWith("etl/sales/totals.sql line 3: the derived table 'totals' does not run on DuckDB (Parser Error: syntax error at or near \"1\"); fix the SQL: it reads only orders (its depends_on) and must run on Spark and DuckDB.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_table_sees_only_the_tables_of_its_depends_on()
    {
        _files.Change("pipeline.yaml", "    queries:\n", "      - name: customers\n        columns:\n          - { name: customer_id, type: string }\n    queries:\n");
        WithDerived("SELECT o.order_id, c.customer_id FROM orders o CROSS JOIN customers c");

        var error = Assert.Single(_files.Errors());
        Assert.StartsWith("etl/sales/totals.sql line 1: the derived table 'totals' does not run on DuckDB (Catalog Error: Table with name customers does not exist!", error, StringComparison.Ordinal);
        Assert.EndsWith("fix the SQL: it reads only orders (its depends_on) and must run on Spark and DuckDB.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_query_on_a_table_that_does_not_exist_is_refused()
    {
        _files.Files["sql/sales/daily_total.sql"] = "SELECT COUNT(*) FROM \"{{database}}\".\"tbl_refunds\"";

        var error = Assert.Single(_files.Errors());
        Assert.StartsWith("sql/sales/daily_total.sql line 1: the saved query 'daily_total' does not run on DuckDB (Catalog Error: Table with name tbl_refunds does not exist!", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_column_of_a_type_the_warehouse_does_not_hold_is_refused()
    {
        WithDerived("SELECT CAST(order_id AS BINARY) AS ids FROM orders");

        Assert.Equal(["etl/sales/totals.sql line 1: gives column 'ids' the type BLOB, which the warehouse does not hold; cast it to one of string, int, bigint, double, decimal(p,s), boolean, date or timestamp."], _files.Errors());
    }

    [Fact]
    public void Sql_is_not_described_while_the_yaml_has_other_errors()
    {
        _files.Change("pipeline.yaml", "key: [order_id]", "kye: [order_id]");
        _files.Files["sql/sales/daily_total.sql"] = "SELECT nonsense(";

        Assert.Equal(["pipeline.yaml line 10: 'datasets[sales].tables[orders].kye' is not a known setting here; did you mean 'key'?"], _files.Errors());
    }
}
