namespace DataPipeline.Tests.Preview;

/// <summary>
/// A small dataset of the tests' own, before and after a pull request that tightens a rule (quantity must be at least
/// 1), keeps a field the staging files already had (channel) and adds a saved query (big_orders). The staging files
/// make every count known: orders o2 and o4 have quantity 0, o3 a negative amount; customers do not change.
/// </summary>
internal static class SalesProject
{
    public const string BasePipeline = """
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
                  - { name: amount, type: double, rules: { min: 0 } }
                  - { name: quantity, type: int, rules: { min: 0 } }
                  - { name: ordered_on, type: date, required: true }
              - name: customers
                source: { format: csv }
                key: [customer_id]
                columns:
                  - { name: customer_id, type: string, required: true }
                  - { name: name, type: string }
            queries:
              - { name: daily_total, sql: sql/sales/daily_total.sql }

        """;

    public static string HeadPipeline { get; } = Change(Change(Change(BasePipeline,
            "{ name: quantity, type: int, rules: { min: 0 } }", "{ name: quantity, type: int, rules: { min: 1 } }"),
            "          - { name: ordered_on, type: date, required: true }\n", "          - { name: ordered_on, type: date, required: true }\n          - { name: channel, type: string }\n"),
        "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n", "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n      - { name: big_orders, sql: sql/sales/big_orders.sql }\n");

    public const string Dev = """
        account: "123456789012"
        region: eu-west-1
        removal_policy: destroy
        datasets:
          sales: {}

        """;

    public const string DailyTotal = "SELECT ordered_on, SUM(amount) AS total FROM \"{{database}}\".\"tbl_orders\" GROUP BY 1 ORDER BY 1\n";

    public const string BigOrders = "SELECT order_id, amount FROM \"{{database}}\".\"tbl_orders\" WHERE amount >= 10 ORDER BY 1\n";

    public const string Orders = """
        {"order_id": "o1", "amount": 10, "quantity": 2, "ordered_on": "2024-01-02", "channel": "web"}
        {"order_id": "o2", "amount": 5, "quantity": 0, "ordered_on": "2024-01-02", "channel": "shop"}
        {"order_id": "o3", "amount": -1, "quantity": 1, "ordered_on": "2024-01-03", "channel": "web"}
        {"order_id": "o4", "amount": 7.5, "quantity": 0, "ordered_on": "2024-01-03", "channel": "web"}
        {"order_id": "o5", "amount": 3, "quantity": 4, "ordered_on": "2024-01-03", "channel": "shop"}

        """;

    public const string Customers = "customer_id,name\nc1,Ada\nc2,Bob\nc3,Cy\n";

    /// <summary>The configuration, SQL and staging sample of the base revision, by path.</summary>
    public static Dictionary<string, string> BaseFiles() => new()
    {
        ["pipeline.yaml"] = BasePipeline,
        ["pipeline.dev.yaml"] = Dev,
        ["sql/sales/daily_total.sql"] = DailyTotal,
        ["samples/sales/orders/orders.jsonl"] = Orders,
        ["samples/sales/customers/customers.csv"] = Customers,
    };

    private static string Change(string text, string from, string to) =>
        text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException($"'{from}' is not in the text.");
}
