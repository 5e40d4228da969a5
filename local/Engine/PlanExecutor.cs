using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>Runs a compiled DuckDB plan's steps and writes its outputs under a warehouse root, like the Glue runner.</summary>
internal sealed class PlanExecutor(DuckDbSession session, string warehouseRoot)
{
    private static readonly SqlDialect Sql = SqlDialect.DuckDb;

    /// <summary>Each step as a temp view, or a temp table when materialized (several later steps read it).</summary>
    public void RunSteps(TransformPlan plan)
    {
        if (plan.Dialect != SqlDialect.DuckDb.Name)
        {
            throw new InvalidOperationException($"The plan of '{plan.Table}' is written for '{plan.Dialect}'; compile it with the DuckDB dialect.");
        }
        foreach (var step in plan.Steps)
        {
            var kind = step.Materialize ? "TABLE" : "VIEW";
            session.Execute($"CREATE OR REPLACE TEMP {kind} {Sql.Quote(step.Name)} AS {step.Sql}");
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
            if (output.Format == TransformCompiler.JsonFormat)
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
    public void RegisterInput(string table) =>
        session.Execute($"CREATE OR REPLACE TEMP VIEW {Sql.Quote(table)} AS SELECT * FROM {ParquetScan(FolderOf(WarehouseFolders.Data(table)))}");

    public string FolderOf(string relativePath) => Path.Combine(warehouseRoot, relativePath.TrimEnd('/'));

    /// <summary>Every Parquet file of a table folder, partition columns restored from the hive folder names.</summary>
    public static string ParquetScan(string folder) =>
        $"read_parquet({Sql.Literal(folder.TrimEnd('/') + "/**/*.parquet")}, hive_partitioning = true)";

    private static string Codec(PlanOutput output) =>
        output.Compression ?? throw new InvalidOperationException($"Output '{output.View}' has no codec; recompile the plan.");
}
