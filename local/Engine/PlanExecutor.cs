using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>Runs a compiled DuckDB plan's steps and writes its outputs under a warehouse root, like the Glue runner.</summary>
internal sealed class PlanExecutor(DuckDbSession session, string warehouseRoot)
{
    private static readonly SqlDialect Sql = SqlDialect.DuckDb;

    /// <summary>
    /// Each step as a temp view, or a temp table when materialized (several later steps read it). A step whose rows are
    /// problems is read at once: any row stops the table with the problems' messages.
    /// </summary>
    /// <param name="stagingFolder">The table's staging folder, put before the paths the messages start with.</param>
    public void RunSteps(TransformPlan plan, string? stagingFolder = null)
    {
        if (plan.Version != TransformPlan.CurrentVersion)
        {
            throw new InvalidOperationException($"The plan of '{plan.Table}' has version {plan.Version}, this engine runs version {TransformPlan.CurrentVersion}; recompile it.");
        }
        if (plan.Dialect != SqlDialect.DuckDb.Name)
        {
            throw new InvalidOperationException($"The plan of '{plan.Table}' is written for '{plan.Dialect}'; compile it with the DuckDB dialect.");
        }
        foreach (var step in plan.Steps)
        {
            var kind = step.Materialize ? "TABLE" : "VIEW";
            session.Execute($"CREATE OR REPLACE TEMP {kind} {Sql.Quote(step.Name)} AS {step.Sql}");
            if (step.StopsOnRows)
            {
                var problems = session.Query($"SELECT {Sql.Quote(PlanColumns.Message)} FROM {Sql.Quote(step.Name)} ORDER BY 1 LIMIT 50").Rows;
                if (problems.Count > 0)
                {
                    var prefix = stagingFolder is null ? "" : stagingFolder.TrimEnd('/') + "/";
                    throw new LocalRunException($"Table '{plan.Table}' cannot be read:{Environment.NewLine}" +
                        string.Join(Environment.NewLine, problems.Select(p => "  " + prefix + (string)p[0]!)));
                }
            }
        }
    }

    /// <summary>Writes every output, replacing its folder: Parquet (hive partitions when partitioned) or JSON lines.</summary>
    public void WriteOutputs(TransformPlan plan)
    {
        foreach (var output in plan.Outputs)
        {
            var folder = FolderOf(output.Path);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            Directory.CreateDirectory(folder);
            var select = $"SELECT * FROM {Sql.Quote(output.View)}";
            if (output.Format == OutputFormat.Json)
            {
                session.Execute($"COPY ({select}) TO {Sql.Literal(Path.Combine(folder, "part-00000.json"))} (FORMAT JSON)");
            }
            else if (output.PartitionBy.Count > 0)
            {
                var partitions = string.Join(", ", output.PartitionBy.Select(Sql.Quote));
                session.Execute($"COPY ({select}) TO {Sql.Literal(folder)} (FORMAT PARQUET, COMPRESSION {Codec(output)}, PARTITION_BY ({partitions}), OVERWRITE_OR_IGNORE)");
            }
            else
            {
                session.Execute($"COPY ({select}) TO {Sql.Literal(Path.Combine(folder, "part-00000.parquet"))} (FORMAT PARQUET, COMPRESSION {Codec(output)})");
            }
        }
    }

    /// <summary>Registers a written table as a view named by the table, as derived plans expect.</summary>
    public void RegisterInput(PlanInput input) =>
        session.Execute($"CREATE OR REPLACE TEMP VIEW {Sql.Quote(input.Table)} AS SELECT * FROM {ParquetScan(FolderOf(input.Path))}");

    /// <summary>
    /// Removes everything a plan registered (its inputs, its executor views, its steps), so the next plan sees only what
    /// it registers itself, as each Glue job does, and the big tables free their memory.
    /// </summary>
    public void Drop(TransformPlan plan)
    {
        foreach (var step in plan.Steps.Reverse())
        {
            session.Execute($"DROP {(step.Materialize ? "TABLE" : "VIEW")} IF EXISTS {Sql.Quote(step.Name)}");
        }
        foreach (var input in plan.Inputs)
        {
            session.Execute($"DROP VIEW IF EXISTS {Sql.Quote(input.Table)}");
        }
        if (plan.Source is not null)
        {
            session.Execute($"DROP TABLE IF EXISTS {Sql.Quote(StepNames.Raw(plan.Table))}");
            session.Execute($"DROP TABLE IF EXISTS {Sql.Quote(StepNames.Files(plan.Table))}");
        }
    }

    public string FolderOf(string relativePath) => Path.Combine(warehouseRoot, relativePath.TrimEnd('/'));

    /// <summary>Every Parquet file of a table folder, partition columns restored from the hive folder names.</summary>
    public static string ParquetScan(string folder) =>
        $"read_parquet({Sql.Literal(folder.TrimEnd('/') + "/**/*.parquet")}, hive_partitioning = true)";

    private static string Codec(PlanOutput output) =>
        output.Compression ?? throw new InvalidOperationException($"Output '{output.View}' has no codec; recompile the plan.");
}
