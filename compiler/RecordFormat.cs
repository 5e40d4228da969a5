namespace DataPipeline.Compiler;

/// <summary>How the executor turns staging files into the records of raw_&lt;table&gt;.</summary>
public enum RecordFormat
{
    /// <summary>Each line of a file is one record (CSV; the plan splits it into fields).</summary>
    Csv,
    /// <summary>Each line of a file is one record (one JSON object per line).</summary>
    Jsonl,
    /// <summary>Each file holds one JSON array; each of its elements is one record, as JSON text.</summary>
    Json,
}
