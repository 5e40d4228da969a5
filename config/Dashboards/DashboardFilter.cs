using DataPipeline.Config.Checks;
using DataPipeline.Config.Model.Dashboards;

namespace DataPipeline.Config.Dashboards;

/// <summary>A dashboard filter on a column (with its type) that some of the dashboard's queries return.</summary>
public sealed record DashboardFilter
{
    public required string Id { get; init; }
    public required DescribedColumn Column { get; init; }
    public required FilterControl Control { get; init; }
    public required string Title { get; init; }
    /// <summary>range: the slider's ends and step.</summary>
    public decimal Min { get; init; }
    public decimal Max { get; init; }
    public decimal Step { get; init; } = 1;
}
