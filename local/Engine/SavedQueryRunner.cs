using System.Diagnostics;
using DataPipeline.Config;
using DataPipeline.Config.Model;

namespace DataPipeline.Local.Engine;

/// <summary>Runs a saved query with its placeholders filled as Athena's named query has them, and writes its CSV.</summary>
internal static class SavedQueryRunner
{
    private static readonly Compiler.SqlDialect Sql = Compiler.SqlDialect.DuckDb;

    public static QueryRunResult Run(DuckDbSession session, DatasetPlan plan, QueryDefinition query, string queriesFolder)
    {
        var sqlFile = Path.Combine(plan.Pipeline.RootDirectory, query.SqlFile);
        var sql = QueryTemplate.Fill(File.ReadAllText(sqlFile), plan);
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(queriesFolder);
        var result = Sql.Quote("_query_result");
        (IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows) first;
        long count;
        try
        {
            // DuckDB writes the CSV (far faster than row by row through .NET); with insertion order kept, the table holds
            // the rows in the query's ORDER BY, and the first of them stay in memory for the report.
            session.Execute("SET preserve_insertion_order = true");
            session.Execute($"CREATE OR REPLACE TEMP TABLE {result} AS {sql.TrimEnd().TrimEnd(';')}");
            session.Execute($"COPY {result} TO {Sql.Literal(Path.Combine(queriesFolder, query.Name + ".csv"))} (FORMAT CSV, HEADER)");
            count = session.Count($"SELECT COUNT(*) FROM {result}");
            first = session.Query($"SELECT * FROM {result} LIMIT {QueryRunResult.RowsKept}");
        }
        catch (Exception e) when (e is not LocalRunException and not IOException)
        {
            throw new LocalRunException($"{query.SqlFile}: query '{query.Name}' failed on DuckDB: {e.Message}. Fix the SQL; it must run on Athena and DuckDB.", e);
        }
        finally
        {
            session.Execute($"DROP TABLE IF EXISTS {result}");
            session.Execute("SET preserve_insertion_order = false");
        }
        return new QueryRunResult
        {
            Name = query.Name,
            Description = query.Description,
            Chart = query.Chart,
            Columns = first.Columns,
            Rows = first.Rows,
            RowCount = count,
            Elapsed = clock.Elapsed,
        };
    }
}
