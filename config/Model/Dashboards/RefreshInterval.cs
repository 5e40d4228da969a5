namespace DataPipeline.Config.Model.Dashboards;

/// <summary>How often QuickSight re-imports a SPICE dataset.</summary>
public enum RefreshInterval
{
    Hourly,
    Daily,
    Weekly,
    Monthly,
}
