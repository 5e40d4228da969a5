namespace DataPipeline.Compiler;

/// <summary>How a <see cref="PlanOutput"/> is written.</summary>
public enum OutputFormat
{
    Parquet,
    /// <summary>JSON lines (the metrics).</summary>
    Json,
}
