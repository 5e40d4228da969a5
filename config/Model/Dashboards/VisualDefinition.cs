using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model.Dashboards;

/// <summary>A visual as written under a sheet: the query it shows, its kind and its fields; null where a default applies.</summary>
public sealed record VisualDefinition
{
    public required string Query { get; init; }
    public required VisualKind Kind { get; init; }
    public string? Title { get; init; }
    public string? X { get; init; }
    public IReadOnlyList<string>? Y { get; init; }
    public string? Group { get; init; }
    public Aggregation Aggregation { get; init; } = PipelineFileSettings.VisualAggregation.DefaultValue;
    public BarOrientation Orientation { get; init; } = PipelineFileSettings.VisualOrientation.DefaultValue;
    public BarArrangement Arrangement { get; init; } = PipelineFileSettings.VisualArrangement.DefaultValue;
    public SortOrder? Sort { get; init; }
    public int? Limit { get; init; }
    public int Width { get; init; } = PipelineFileSettings.VisualWidth.DefaultValue;
    public Origin Origin { get; init; } = Origin.Nowhere;
}
