using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>How the raw files of a table are laid out in staging. Keys and defaults: <see cref="PipelineFileSettings"/>.</summary>
public sealed record SourceFormat
{
    public SourceKind Kind { get; init; } = PipelineFileSettings.Format.DefaultValue;
    /// <summary>CSV only: the first line holds the column names.</summary>
    public bool Header { get; init; } = PipelineFileSettings.Header.DefaultValue;
    /// <summary>CSV only: the field separator.</summary>
    public string Delimiter { get; init; } = PipelineFileSettings.Delimiter.DefaultValue;
    /// <summary>CSV only: the quote character.</summary>
    public string Quote { get; init; } = PipelineFileSettings.Quote.DefaultValue;
    public SourceEncoding Encoding { get; init; } = PipelineFileSettings.Encoding.DefaultValue;
    /// <summary>Texts that stand for a missing value in every column (a column may say otherwise). Empty: none.</summary>
    public IReadOnlyList<string> NullValues { get; init; } = [];
    public Origin Origin { get; init; } = Origin.Nowhere;
}
