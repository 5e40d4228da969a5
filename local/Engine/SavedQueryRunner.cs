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
        Directory.CreateDirectory(queriesFolder);
        var kept = new List<object?[]>();
        IReadOnlyList<string> columns = [];
        long count = 0;
        try
        {
            using var writer = new StreamWriter(Path.Combine(queriesFolder, query.Name + ".csv"));
            writer.NewLine = "\n";
            // Streamed: every row goes to the CSV, only the first ones stay in memory for the report.
            session.Stream(sql, names =>
            {
                columns = names;
                writer.WriteLine(CsvText.Line(names));
            }, row =>
            {
                writer.WriteLine(CsvText.Line(row));
                if (count++ < QueryRunResult.RowsKept)
                {
                    kept.Add(row);
                }
            });
        }
        catch (Exception e) when (e is not LocalRunException and not IOException)
        {
            throw new LocalRunException($"{query.SqlFile}: query '{query.Name}' failed on DuckDB: {e.Message}. Fix the SQL; it must run on Athena and DuckDB.", e);
        }
        return new QueryRunResult
        {
            Name = query.Name,
            Description = query.Description,
            Chart = query.Chart,
            Columns = columns,
            Rows = kept,
            RowCount = count,
            Elapsed = clock.Elapsed,
        };
    }
}
