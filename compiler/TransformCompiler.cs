using DataPipeline.Compiler.Internal;
using DataPipeline.Config.Checks;
using DataPipeline.Config.Model;

namespace DataPipeline.Compiler;

/// <summary>
/// Compiles a table of the configuration into a <see cref="TransformPlan"/> of plain SELECT steps in one dialect.
/// The same semantics are emitted for every dialect; only <see cref="SqlDialect"/> knows their differences.
/// </summary>
public static class TransformCompiler
{
    /// <summary>
    /// Steps &lt;t&gt;_layout (materialized), &lt;t&gt;_problems (stops the table), &lt;t&gt;_typed (materialized), &lt;t&gt;_duplicate_keys,
    /// &lt;t&gt;_clean, &lt;t&gt;_rejects and &lt;t&gt;_metrics over the executor's views raw_&lt;t&gt; and files_&lt;t&gt;.
    /// </summary>
    public static TransformPlan Compile(TableDefinition table, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dialect);
        if (table.Columns.Count == 0)
        {
            throw new ArgumentException($"Table '{table.Name}' has no columns; declare at least one.", nameof(table));
        }
        var steps = new TableSteps(table, dialect);
        var name = table.Name;
        var plan = new List<PlanStep>
        {
            // One row per file, but its header split is inlined into every reference to it: as a view, DuckDB
            // spent 0.1 to 0.4 s per table planning the problems query alone.
            new() { Name = StepNames.Layout(name), Sql = steps.Layout(), Materialize = true },
            new() { Name = StepNames.Problems(name), Sql = steps.Problems(), StopsOnRows = true },
            new() { Name = StepNames.Typed(name), Sql = steps.Typed(), Materialize = true },
        };
        var keyed = table.Key.Count > 0;
        if (keyed)
        {
            // The few duplicate keys are kept, so clean can stay a view: each of its readers then scans typed once
            // with a small join, which costs less than writing every good record a second time.
            plan.Add(new PlanStep { Name = StepNames.DuplicateKeys(name), Sql = steps.DuplicateKeys(), Materialize = true });
        }
        plan.Add(new PlanStep { Name = StepNames.Clean(name), Sql = steps.Clean() });
        if (keyed)
        {
            plan.Add(new PlanStep { Name = StepNames.Matched(name), Sql = steps.Matched(), Materialize = true });
            plan.Add(new PlanStep { Name = StepNames.Contest(name), Sql = steps.Contest(), Materialize = true });
            plan.Add(new PlanStep { Name = StepNames.Upserts(name), Sql = steps.Upserts() });
            plan.Add(new PlanStep { Name = StepNames.Replaced(name), Sql = steps.Replaced() });
            plan.Add(new PlanStep { Name = StepNames.RemovedFiles(name), Sql = steps.RemovedFiles() });
            plan.Add(new PlanStep { Name = StepNames.Kept(name), Sql = steps.Kept() });
        }
        plan.Add(new PlanStep { Name = StepNames.Rejects(name), Sql = steps.Rejects() });
        plan.Add(new PlanStep { Name = StepNames.Metrics(name), Sql = steps.Metrics(), Materialize = true });
        return new TransformPlan
        {
            Table = name,
            Kind = PlanKind.Table,
            Dialect = dialect.Name,
            Source = new SourcePlan
            {
                Format = table.Source.Kind switch
                {
                    SourceKind.Csv => RecordFormat.Csv,
                    SourceKind.JsonLines => RecordFormat.Jsonl,
                    _ => RecordFormat.Json,
                },
                Encoding = PlanEncoding.Of(table.Source.Encoding),
                FilePattern = StagingFilePattern.Of(table.Source.Kind),
            },
            Current = new CurrentTable
            {
                View = StepNames.Current(name),
                Path = WarehouseFolders.Data(name),
                Columns = steps.WarehouseColumns(),
                PartitionBy = table.PartitionBy.Select(p => p.Name).ToList(),
            },
            Ledger = WarehouseFolders.Ledger(name),
            MaxRejectShare = table.MaxRejectShare,
            Steps = plan,
            Outputs =
            [
                new PlanOutput
                {
                    View = keyed ? StepNames.Upserts(name) : StepNames.Clean(name),
                    Path = WarehouseFolders.Data(name),
                    PartitionBy = table.PartitionBy.Select(p => p.Name).ToList(),
                    Format = OutputFormat.Parquet,
                    Compression = CodecName(table.Compression),
                    Mode = keyed ? OutputMode.Merge : OutputMode.Append,
                    Kept = keyed ? StepNames.Kept(name) : null,
                    RemovedFiles = keyed ? StepNames.RemovedFiles(name) : null,
                },
                new PlanOutput
                {
                    View = StepNames.Rejects(name),
                    Path = WarehouseFolders.Quarantine(name),
                    Format = OutputFormat.Parquet,
                    Compression = CodecName(table.Compression),
                    Mode = OutputMode.AppendRun,
                },
                new PlanOutput { View = StepNames.Metrics(name), Path = WarehouseFolders.Metrics(name), Format = OutputFormat.Json, Mode = OutputMode.AppendRun },
            ],
        };
    }

    /// <summary>
    /// One step &lt;d&gt;_result: the user's SQL as written (comments kept, final ';' dropped), reading the cleaned
    /// tables of depends_on, which the executor registers as views named by table. The SQL must run on every engine.
    /// </summary>
    /// <param name="columns">
    /// The described columns of the SQL's result (see Config.Checks.SchemaDescriber). The step casts each to its
    /// type, so every engine writes the same column types (Spark's SUM of ints is a bigint, DuckDB's a HUGEINT, say).
    /// Null: the SQL's own types.
    /// </param>
    /// <param name="inputColumns">The described columns of the cleaned tables, so an executor can register an empty input whose folder holds no file yet. Null: not known.</param>
    public static TransformPlan CompileDerived(DerivedTableDefinition derived, string sqlText, SqlDialect dialect, IReadOnlyList<DescribedColumn>? columns = null,
        IReadOnlyDictionary<string, IReadOnlyList<DescribedColumn>>? inputColumns = null)
    {
        ArgumentNullException.ThrowIfNull(derived);
        ArgumentNullException.ThrowIfNull(sqlText);
        ArgumentNullException.ThrowIfNull(dialect);
        var sql = SingleStatement.Of(sqlText, derived.SqlFile);
        if (columns is { Count: > 0 })
        {
            var casts = columns.Select(c => $"    CAST({dialect.Quote("result")}.{dialect.Quote(c.Name)} AS {dialect.TypeName(CatalogTypes.Parse(c.Type))}) AS {dialect.Quote(c.Name)}");
            sql = $"SELECT\n{string.Join(",\n", casts)}\nFROM (\n{sql}\n) AS {dialect.Quote("result")}";
        }
        return new TransformPlan
        {
            Table = derived.Name,
            Kind = PlanKind.Derived,
            Dialect = dialect.Name,
            Inputs = derived.DependsOn.Select(t => new PlanInput
            {
                Table = t,
                Path = WarehouseFolders.Data(t),
                Columns = inputColumns?.GetValueOrDefault(t)?.Select(c => new PlanColumn { Name = c.Name, Type = dialect.TypeName(CatalogTypes.Parse(c.Type)) }).ToList() ?? [],
            }).ToList(),
            Steps = [new PlanStep { Name = StepNames.Result(derived.Name), Sql = sql }],
            Outputs =
            [
                new PlanOutput
                {
                    View = StepNames.Result(derived.Name),
                    Path = WarehouseFolders.Data(derived.Name),
                    PartitionBy = derived.PartitionBy.ToList(),
                    Format = OutputFormat.Parquet,
                    Compression = CodecName(derived.Compression),
                    Mode = OutputMode.Replace,
                },
            ],
        };
    }

    /// <summary>The columns a cleaned table's warehouse files hold, in order, in the dialect's types.</summary>
    public static IReadOnlyList<PlanColumn> WarehouseColumns(TableDefinition table, SqlDialect dialect) => new TableSteps(table, dialect).WarehouseColumns();

    /// <summary>The codec as Spark's "compression" write option and DuckDB's COMPRESSION both spell it.</summary>
    public static string CodecName(ParquetCompression codec) => codec.ToString().ToLowerInvariant();
}
