using System.Text.Json;
using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>run.json: the counts and timings of a run, for scripts (the benchmark reads it).</summary>
internal static class RunSummaryFile
{
    public const string Name = "run.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string path, DatasetRunResult result)
    {
        var summary = new
        {
            result.Dataset,
            result.Environment,
            result.Database,
            result.RunId,
            result.FullRefresh,
            ElapsedSeconds = result.Elapsed.TotalSeconds,
            PhaseSeconds = result.Phases.ToDictionary(p => p.Key, p => p.Value.TotalSeconds),
            Tables = result.Tables.Select(t => new
            {
                t.Table, t.FilesRead, t.FilesAlreadyProcessed, t.LinesRead, t.HeaderLines, t.RowsRead, t.RowsWritten, t.RowsReplaced, t.RowsRejected, t.DuplicatesDropped, t.Balanced, t.RejectedByReason,
                t.WarehouseRows,
                t.Warnings, t.IgnoredFiles,
                t.StagingBytes, t.ParquetBytes, Compression = TransformCompiler.CodecName(t.Compression), ElapsedSeconds = t.Elapsed.TotalSeconds,
            }),
            Derived = result.Derived.Select(d => new { d.Table, d.Rows, d.ParquetBytes, ElapsedSeconds = d.Elapsed.TotalSeconds }),
            Queries = result.Queries.Select(q => new { q.Name, Rows = q.RowCount, ElapsedSeconds = q.Elapsed.TotalSeconds }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(summary, Json) + "\n");
    }
}
