namespace DataPipeline.Config.Model;

/// <summary>How raw files of a table are laid out in staging.</summary>
public sealed record SourceFormat
{
    public SourceKind Kind { get; init; } = SourceKind.Csv;
    /// <summary>CSV only: the first line holds the column names. Default true.</summary>
    public bool Header { get; init; } = true;
    /// <summary>CSV only: the field separator. Default ",".</summary>
    public string Delimiter { get; init; } = ",";
    /// <summary>CSV only: the quote character. Default '"'.</summary>
    public string Quote { get; init; } = "\"";
}
