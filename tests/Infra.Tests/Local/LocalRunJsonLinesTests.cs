using DataPipeline.Local;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>A dataset of JSON lines in a configuration of its own: reading, malformed lines, and a query summing integers.</summary>
public sealed class LocalRunJsonLinesTests : IDisposable
{
    private const string Pipeline = """
        project: acme
        environments:
          - name: dev
        datasets:
          - name: sales
            tables:
              - name: orders
                source: { format: jsonl }
                key: [order_id]
                columns:
                  - { name: order_id, type: string, required: true }
                  - { name: quantity, type: int, rules: { min: 0 } }
                  - { name: ordered_on, type: date, required: true }
            queries:
              - { name: daily_quantity, sql: sql/sales/daily_quantity.sql }
              - { name: order_notes, sql: sql/sales/order_notes.sql }

        """;

    private const string Dev = """
        account: "123456789012"
        region: eu-west-1
        removal_policy: destroy
        datasets:
          sales: {}

        """;

    private const string Orders = """
        {"order_id": "a1", "quantity": 2, "ordered_on": "2024-01-02"}
        {"order_id": "a2", "quantity": "3", "ordered_on": "2024-01-02", "note": "ignored"}
        {"order_id": "a3", "quantity": 1, "ordered_on": "2024-01-03"

        [1, 2, 3]
        {"order_id": "a4", "quantity": -1, "ordered_on": "2024-01-03"}

        """;

    private readonly TemporaryFolder _project = new();

    public LocalRunJsonLinesTests()
    {
        Write("pipeline.yaml", Pipeline);
        Write("pipeline.dev.yaml", Dev);
        Write("sql/sales/daily_quantity.sql", "SELECT ordered_on, SUM(quantity) AS quantity FROM \"{{database}}\".\"tbl_orders\" GROUP BY 1 ORDER BY 1");
        Write("sql/sales/order_notes.sql", "SELECT order_id, CAST(NULL AS VARCHAR) AS no_note, '' AS empty_note, 'say \"hi\", then go' AS note FROM \"{{database}}\".\"tbl_orders\" ORDER BY order_id");
        Write("samples/sales/orders/orders.jsonl", Orders);
    }

    [Fact]
    public void Lines_that_are_not_json_objects_are_quarantined_as_malformed_and_fields_are_read_as_text()
    {
        var options = new LocalRunOptions { ConfigDirectory = _project.Path, Environment = "dev" };
        var (plan, staging) = LocalPipeline.Resolve(options).Single();

        var result = LocalPipeline.RunDataset(plan, staging, options, SilentProgress.Instance);

        var orders = result.Tables.Single();
        Assert.Equal(5, orders.RowsRead);
        Assert.Equal(2, orders.RowsWritten);
        Assert.Equal(new Dictionary<string, long> { ["malformed_row"] = 2, ["out_of_range:quantity"] = 1 }, orders.RejectedByReason);
        Assert.Equal(["ordered_on,quantity", "2024-01-02,5"], File.ReadAllLines(Path.Combine(result.OutputFolder, "queries", "daily_quantity.csv")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(result.OutputFolder, "report.html")));
    }

    [Fact]
    public void Query_csv_writes_null_as_an_empty_field_and_an_empty_text_as_two_quotes()
    {
        var options = new LocalRunOptions { ConfigDirectory = _project.Path, Environment = "dev" };
        var (plan, staging) = LocalPipeline.Resolve(options).Single();

        var result = LocalPipeline.RunDataset(plan, staging, options, SilentProgress.Instance);

        Assert.Equal(
            ["order_id,no_note,empty_note,note", "a1,,\"\",\"say \"\"hi\"\", then go\"", "a2,,\"\",\"say \"\"hi\"\", then go\""],
            File.ReadAllLines(Path.Combine(result.OutputFolder, "queries", "order_notes.csv")));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_project.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => _project.Dispose();
}
