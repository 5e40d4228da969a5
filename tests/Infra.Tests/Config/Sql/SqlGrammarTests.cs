using DataPipeline.Config;

namespace DataPipeline.Tests.Config.Sql;

/// <summary>
/// The small valid configuration with an int column, a derived table and a saved query that both engines accept;
/// each test changes one thing and reads the exact errors. The SQL is parsed by Spark's and Trino's grammars.
/// </summary>
public sealed class SqlGrammarTests : IDisposable
{
    private const string Derived = "etl/sales/daily.sql";
    private const string Query = "sql/sales/daily_total.sql";

    private readonly ConfigFiles _files = new();

    public SqlGrammarTests()
    {
        _files.Change("pipeline.yaml", "          - { name: amount, type: double, rules: { min: 0 } }\n",
                "          - { name: amount, type: double, rules: { min: 0 } }\n          - { name: quantity, type: int }\n")
            .Change("pipeline.yaml", "    queries:\n",
                "    derived:\n      - { name: daily, sql: etl/sales/daily.sql, depends_on: [orders] }\n    queries:\n");
        _files.Files[Derived] = """
            SELECT ordered_on,
                   SUM(amount) AS total,
                   ROUND(CAST(AVG(amount) AS DECIMAL(18,6)), 2) AS average
            FROM orders
            GROUP BY ordered_on

            """;
        _files.Files[Query] = """
            SELECT ordered_on,
                   ROUND(AVG(CASE WHEN amount > 10 THEN 1e0 ELSE 0e0 END), 3) AS big_share,
                   CAST(SUM(quantity) AS DOUBLE) / COUNT(*) AS per_order
            FROM "{{database}}"."tbl_orders"
            GROUP BY ordered_on

            """;
    }

    public void Dispose() => _files.Dispose();

    private IReadOnlyList<string> ErrorsAfter(string file, string from, string to) => _files.Change(file, from, to).Errors();

    [Fact]
    public void Sql_that_Spark_Athena_and_DuckDB_accept_alike_loads()
    {
        Assert.Empty(_files.Errors());
    }

    [Fact]
    public void Derived_sql_with_a_DuckDB_cast_is_refused()
    {
        Assert.Equal(["etl/sales/daily.sql line 2: Spark SQL (Glue) does not accept DuckDB's '::' cast; write CAST(value AS type)."],
            ErrorsAfter(Derived, "SUM(amount)", "SUM(amount::DOUBLE)"));
    }

    [Fact]
    public void Derived_sql_with_select_star_exclude_is_refused()
    {
        _files.Files[Derived] = "SELECT * EXCLUDE (quantity)\nFROM orders\n";
        Assert.Equal(["etl/sales/daily.sql line 1: Spark SQL (Glue) does not accept DuckDB's SELECT * EXCLUDE (...); list the columns to keep."], _files.Errors());
    }

    [Fact]
    public void Derived_sql_with_qualify_is_refused()
    {
        _files.Files[Derived] = "SELECT order_id, ordered_on\nFROM orders\nQUALIFY ROW_NUMBER() OVER (PARTITION BY ordered_on ORDER BY order_id) = 1\n";
        Assert.Equal(["etl/sales/daily.sql line 3: Spark SQL (Glue) has no QUALIFY (DuckDB has); filter on the window function in an outer query."], _files.Errors());
    }

    [Fact]
    public void Derived_sql_calling_a_function_Spark_does_not_have_is_refused()
    {
        Assert.Equal(["etl/sales/daily.sql line 1: Spark 3.3 (Glue 4.0) has no function 'strftime'; use one of the built-in functions of Spark 3.3."],
            ErrorsAfter(Derived, "SELECT ordered_on,", "SELECT strftime(ordered_on, '%Y') AS ordered_in,"));
    }

    [Fact]
    public void Derived_sql_may_call_a_Spark_35_function_only_when_every_job_runs_Glue_50()
    {
        _files.Change(Derived, "SUM(amount) AS total", "MODE(quantity) AS usual_quantity");
        Assert.Equal(["etl/sales/daily.sql line 2: Spark 3.3 (Glue 4.0) has no function 'MODE'; use one of the built-in functions of Spark 3.3."], _files.Errors());

        _files.Change("pipeline.dev.yaml", "datasets:", "etl:\n  glue_version: \"5.0\"\ndatasets:")
            .Change("pipeline.prod.yaml", "datasets:", "etl:\n  glue_version: \"5.0\"\ndatasets:");
        Assert.Empty(_files.Errors());
    }

    [Fact]
    public void Derived_sql_rounding_a_double_is_refused()
    {
        Assert.Equal(["etl/sales/daily.sql line 3: ROUND(AVG(amount), 2) rounds a double, which Spark rounds by its decimal text and DuckDB by its binary value (1.025 gives 1.03 and 1.02); CAST the value AS DECIMAL first, e.g. ROUND(CAST(AVG(x) AS DECIMAL(18,6)), 2)."],
            ErrorsAfter(Derived, "ROUND(CAST(AVG(amount) AS DECIMAL(18,6)), 2)", "ROUND(AVG(amount), 2)"));
    }

    [Fact]
    public void Saved_query_with_backquotes_is_refused()
    {
        Assert.Contains("sql/sales/daily_total.sql line 5: Athena (Trino) does not accept the backquoted identifier `ordered_on`; quote it with double quotes (\"ordered_on\").",
            ErrorsAfter(Query, "GROUP BY ordered_on", "GROUP BY `ordered_on`"));
    }

    [Fact]
    public void Saved_query_with_ilike_is_refused()
    {
        Assert.Equal(["sql/sales/daily_total.sql line 5: Athena (Trino) has no ILIKE; write LOWER(value) LIKE with a lower-case pattern."],
            ErrorsAfter(Query, "GROUP BY ordered_on", "WHERE order_id ILIKE 'a%'\nGROUP BY ordered_on"));
    }

    [Fact]
    public void Saved_query_calling_a_function_Trino_does_not_have_is_refused()
    {
        Assert.Equal(["sql/sales/daily_total.sql line 1: Athena (Trino) has no function 'strftime'; use one of Trino's functions."],
            ErrorsAfter(Query, "SELECT ordered_on,", "SELECT strftime(ordered_on, '%Y') AS ordered_in,"));
    }

    [Fact]
    public void Saved_query_averaging_a_decimal_literal_is_refused()
    {
        Assert.Equal(["sql/sales/daily_total.sql line 2: AVG(CASE WHEN amount > 10 THEN 1.0 ELSE 0.0 END) averages a decimal, which Athena (Trino) returns as a decimal rounded to the argument's scale and DuckDB as a double (0.3 against 0.333); average a double: write 1e0 for 1.0, or CAST the argument AS DOUBLE."],
            ErrorsAfter(Query, "THEN 1e0 ELSE 0e0 END", "THEN 1.0 ELSE 0.0 END"));
    }

    [Fact]
    public void Saved_query_dividing_an_integer_by_an_integer_is_refused()
    {
        Assert.Equal(["sql/sales/daily_total.sql line 3: SUM(quantity) / COUNT(*) divides an integer by an integer, which Athena (Trino) truncates to an integer and DuckDB does not (7 / 2 gives 3 and 3.5); CAST one side AS DOUBLE."],
            ErrorsAfter(Query, "CAST(SUM(quantity) AS DOUBLE) / COUNT(*)", "SUM(quantity) / COUNT(*)"));
    }

    [Fact]
    public void Saved_query_dividing_a_double_column_by_an_integer_loads()
    {
        Assert.Empty(ErrorsAfter(Query, "CAST(SUM(quantity) AS DOUBLE) / COUNT(*)", "SUM(amount) / COUNT(*)"));
    }
}
