namespace DataPipeline.Config.Model.Dashboards;

/// <summary>How the rows with the same category (and group) become one value of a visual.</summary>
public enum Aggregation
{
    Sum,
    Avg,
    Min,
    Max,
    Count,
    DistinctCount,
    Median,
}
