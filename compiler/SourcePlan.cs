namespace DataPipeline.Compiler;

/// <summary>How raw files of a table are read; every column is read as text, plus the text column _corrupt_record.</summary>
public sealed record SourcePlan
{
    /// <summary>"csv" or "jsonl".</summary>
    public required string Format { get; init; }
    /// <summary>CSV only: the first line holds column names (they are not checked; columns are taken by position).</summary>
    public required bool Header { get; init; }
    public required string Delimiter { get; init; }
    public required string Quote { get; init; }
    /// <summary>The declared columns, in file order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }
}
