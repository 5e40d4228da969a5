using DataPipeline.Tests.Config;

namespace DataPipeline.Tests.Kit;

/// <summary>A dataset 'sales' of many small tables (eight columns each, as in bench/synth_bench.py) and one derived table.</summary>
public static class LargeDataset
{
    public static ConfigFiles Files(int tables, int tablesPerJob)
    {
        var files = new ConfigFiles();
        var lines = new List<string> { "project: acme", "environments:", "  - name: dev", "  - name: prod", "    production: true", "datasets:", "  - name: sales", "    tables:" };
        for (var i = 1; i <= tables; i++)
        {
            lines.AddRange(
            [
                $"      - name: t{i:000}",
                "        key: [id]",
                "        order_by: [updated_at desc]",
                "        partition_by: [{ name: event_year, from: event_date, transform: year }]",
                "        columns:",
                "          - { name: id, type: string, required: true, rules: { trim: true } }",
                "          - { name: amount, type: \"decimal(12,2)\", rules: { min: 0 } }",
                "          - { name: quantity, type: int, rules: { min: 0, max: 1000 } }",
                "          - { name: score, type: double }",
                "          - { name: status, type: string, rules: { lowercase: true, allowed_values: [new, done] } }",
                "          - { name: active, type: boolean }",
                "          - { name: event_date, type: date, required: true }",
                "          - { name: updated_at, type: timestamp }",
            ]);
        }
        lines.AddRange(
        [
            "    derived:",
            "      - { name: summary, sql: etl/sales/summary.sql, depends_on: [t001, t002] }",
            "    queries:",
            "      - { name: daily_total, sql: sql/sales/daily_total.sql }",
        ]);
        files.Files["pipeline.yaml"] = string.Join("\n", lines) + "\n";
        files.Files["etl/sales/summary.sql"] = "SELECT t001.id, t001.amount, t002.score FROM t001 JOIN t002 ON t002.id = t001.id\n";
        files.Files["sql/sales/daily_total.sql"] = "SELECT event_date, SUM(amount) AS amount FROM \"{{database}}\".\"tbl_t001\" GROUP BY 1";
        var etl = $"etl:\n  tables_per_job: {tablesPerJob}\n";
        files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", etl + "datasets:\n  sales: {}");
        files.Change("pipeline.prod.yaml", "datasets:\n  sales: {}",
            etl + "  event_driven: true\nquicksight:\n  enabled: true\n  principals: [arn:aws:quicksight:eu-west-1:123456789012:group/default/analysts]\ndatasets:\n  sales: {}");
        return files;
    }
}
