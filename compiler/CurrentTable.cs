namespace DataPipeline.Compiler;

/// <summary>
/// The rows a table's warehouse folder already holds, which a merge compares new rows with: the executor registers
/// them as the view current_&lt;table&gt;, with the column _file naming each row's file (as the executor names files in
/// <see cref="PlanOutput.RemovedFiles"/>), or an empty view of these columns on a table's first run and a full refresh.
/// Every cleaned table has one, with or without a key: before a run writes, the folder's files are checked against
/// these columns and partitions (a changed type or partition_by stops the run).
/// </summary>
public sealed record CurrentTable
{
    public required string View { get; init; }
    /// <summary>The warehouse folder, relative to the warehouse root.</summary>
    public required string Path { get; init; }
    /// <summary>Every column of the folder's files, partition columns included, in the dialect's types.</summary>
    public required IReadOnlyList<PlanColumn> Columns { get; init; }
    /// <summary>Hive-style partition columns (they live in folder names, not in the files).</summary>
    public IReadOnlyList<string> PartitionBy { get; init; } = [];
}
