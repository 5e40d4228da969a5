namespace DataPipeline.Config.Model;

/// <summary>How a table's staging files are written.</summary>
public enum SourceKind
{
    /// <summary>Comma-separated (or another delimiter) values, one record per line.</summary>
    Csv,
    /// <summary>One JSON object per line.</summary>
    JsonLines,
    /// <summary>Each file holds one JSON array of objects.</summary>
    Json,
}
