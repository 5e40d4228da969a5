using System.Text.Json;
using DataPipeline.Local;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>A derived table's Parquet columns have the described types (what Glue writes too), and catalog.json says the same.</summary>
public sealed class DerivedTypesTests : IDisposable
{
    private readonly TemporaryFolder _project = new();

    public DerivedTypesTests()
    {
        Write("pipeline.yaml", """
            project: acme
            environments:
              - name: dev
            datasets:
              - name: sales
                tables:
                  - name: orders
                    key: [order_id]
                    partition_by: [{ name: order_year, from: ordered_on, transform: year }]
                    columns:
                      - { name: order_id, type: string, required: true }
                      - { name: quantity, type: int }
                      - { name: ordered_on, type: date, required: true }
                derived:
                  - { name: totals, sql: etl/sales/totals.sql, depends_on: [orders] }

            """);
        Write("pipeline.dev.yaml", "account: \"123456789012\"\nregion: eu-west-1\ndatasets:\n  sales: {}\n");
        Write("etl/sales/totals.sql", "SELECT order_year, SUM(quantity) AS quantity, AVG(quantity) AS average, COUNT(*) AS orders FROM orders GROUP BY order_year");
        Write("samples/sales/orders/orders.csv", "order_id,quantity,ordered_on\na,1,2024-01-02\nb,2,2024-03-04\nc,5,2023-01-01\n");
    }

    private DatasetRunResult Run()
    {
        var options = new LocalRunOptions { ConfigDirectory = _project.Path, Environment = "dev", Out = Path.Combine(_project.Path, "out") };
        var (plan, staging) = LocalPipeline.Resolve(options).Single();
        return LocalPipeline.RunDataset(plan, staging, options, SilentProgress.Instance);
    }

    [Fact]
    public void Parquet_catalog_and_description_agree_on_the_derived_column_types()
    {
        var result = Run();

        var parquet = LocalRunKit.Query($"DESCRIBE SELECT * FROM {LocalRunKit.Parquet(result.OutputFolder, "data-warehouse/totals/")}")
            .Select(r => $"{r[0]}:{r[1]}").ToList();
        var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.OutputFolder, "catalog.json"))).RootElement
            .GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "tbl_totals")
            .GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("type").GetString()}").ToList();

        Assert.Equal(["order_year:INTEGER", "quantity:BIGINT", "average:DOUBLE", "orders:BIGINT"], parquet);
        Assert.Equal(["order_year:int", "quantity:bigint", "average:double", "orders:bigint"], catalog);
    }

    [Fact]
    public void A_year_partition_is_an_int_as_spark_writes_it()
    {
        var result = Run();

        Assert.Equal("INTEGER", LocalRunKit.Query($"SELECT typeof(order_year) FROM {LocalRunKit.Parquet(result.OutputFolder, "data-warehouse/totals/")} LIMIT 1").Single()[0]);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_project.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => _project.Dispose();
}
