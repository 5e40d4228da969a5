namespace DataPipeline.Config.Model.Dashboards;

/// <summary>How QuickSight reads a dashboard's queries: on Athena at each view, or imported into SPICE on a schedule.</summary>
public enum ImportMode
{
    DirectQuery,
    Spice,
}
