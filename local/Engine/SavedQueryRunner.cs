using System.Diagnostics;
using DataPipeline.Config;
using DataPipeline.Config.Model;

namespace DataPipeline.Local.Engine;

/// <summary>Runs a saved query with its placeholders filled as Athena's named query has them, and writes its CSV.</summary>
internal static class SavedQueryRunner
{
    public static QueryRunResult Run(DuckDbSession session, DatasetPlan plan, QueryDefinition query, string queriesFolder)
    {
        var sqlFile = Path.Combine(plan.Pipeline.RootDirectory, query.SqlFile);
        var sql = QueryTemplate.Fill(File.ReadAllText(sqlFile), plan);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> columns;
        IReadOnlyList<object?[]> rows;
        try
        {
            (columns, rows) = session.Query(sql);
        }
        catch (Exception e) when (e is not LocalRunException)
        {
            throw new LocalRunException($"{query.SqlFile}: query '{query.Name}' failed on DuckDB: {e.Message}. Fix the SQL; it must run on Athena and DuckDB.", e);
        }
        var elapsed = clock.Elapsed;
        Directory.CreateDirectory(queriesFolder);
        using (var writer = new StreamWriter(Path.Combine(queriesFolder, query.Name + ".csv")))
        {
            writer.NewLine = "\n";
            writer.WriteLine(CsvText.Line(columns));
            foreach (var row in rows)
            {
                writer.WriteLine(CsvText.Line(row));
            }
        }
        return new QueryRunResult
        {
            Name = query.Name,
            Description = query.Description,
            Chart = query.Chart,
            Columns = columns,
            Rows = rows,
            Elapsed = elapsed,
        };
    }
}
