using Amazon.CDK.AWS.QuickSight;

namespace DataPipeline.Components.Dashboards;

/// <summary>Properties of <see cref="Dashboards"/>.</summary>
public sealed record DashboardsProps
{
    /// <summary>The Athena data source the datasets' custom SQL runs on.</summary>
    public required CfnDataSource DataSource { get; init; }
    /// <summary>QuickSight user or group ARNs that may view the dashboards and use the datasets. At least one.</summary>
    public required IReadOnlyList<string> Principals { get; init; }
    public required IReadOnlyList<QueryDataSet> DataSets { get; init; }
    public required IReadOnlyList<QuickSightDashboard> Dashboards { get; init; }
}
