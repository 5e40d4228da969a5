using System.Globalization;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DuckDB.NET.Data;

namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>
/// Executes a compiled DuckDB plan in memory the way executors do: raw_&lt;table&gt; as a table of text, then each
/// step as a temp view (a temp table when materialized). Query the steps afterwards.
/// </summary>
internal sealed class DuckDbPlanRun : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    private DuckDbPlanRun(TableDefinition table, IEnumerable<RawRow> rows)
    {
        Table = table;
        _connection.Open();
        Plan = Load(table, rows);
    }

    public TableDefinition Table { get; }

    public TransformPlan Plan { get; }

    public static DuckDbPlanRun Of(TableDefinition table, params RawRow[] rows) => new(table, rows);

    /// <summary>The single reject reason of a table fed one row (null when the row is good).</summary>
    public static string? ReasonOf(TableDefinition table, RawRow row)
    {
        using var run = Of(table, row);
        return (string?)run.Rows(StepNames.Checked(table.Name)).Single()[PlanColumns.RejectReason];
    }

    /// <summary>The typed value of a column of a table fed one row.</summary>
    public static object? TypedValueOf(TableDefinition table, RawRow row, string column)
    {
        using var run = Of(table, row);
        return run.Rows(StepNames.Checked(table.Name)).Single()[column];
    }

    /// <summary>Every row of a view as column → value, ordered by the given SQL (default: no order).</summary>
    public List<Dictionary<string, object?>> Rows(string view, string? orderBy = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {SqlDialect.DuckDb.Quote(view)}" + (orderBy is null ? "" : " ORDER BY " + orderBy);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The metrics view as "metric reason=rows" lines, sorted.</summary>
    public List<string> Metrics() =>
        Rows(StepNames.Metrics(Table.Name))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[PlanColumns.Metric]} {r[PlanColumns.Reason]}={r[PlanColumns.Rows]}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Registers raw_&lt;table&gt; with the rows and runs the table's plan; returns the plan.</summary>
    public TransformPlan Load(TableDefinition table, IEnumerable<RawRow> rows)
    {
        var dialect = SqlDialect.DuckDb;
        var raw = dialect.Quote(StepNames.Raw(table.Name));
        var columns = table.Columns.Select(c => c.Name).Append(PlanColumns.CorruptRecord);
        Execute($"CREATE TABLE {raw} ({string.Join(", ", columns.Select(c => dialect.Quote(c) + " VARCHAR"))})");
        foreach (var row in rows)
        {
            var values = row.Values.Append(row.CorruptRecord).Select(v => v is null ? "NULL" : dialect.Literal(v));
            Execute($"INSERT INTO {raw} VALUES ({string.Join(", ", values)})");
        }
        var plan = TransformCompiler.Compile(table, dialect);
        Run(plan);
        return plan;
    }

    /// <summary>Registers each step of a plan: a temp table when materialized, else a temp view.</summary>
    public void Run(TransformPlan plan)
    {
        foreach (var step in plan.Steps)
        {
            var kind = step.Materialize ? "TABLE" : "VIEW";
            Execute($"CREATE OR REPLACE TEMP {kind} {SqlDialect.DuckDb.Quote(step.Name)} AS {step.Sql}");
        }
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
