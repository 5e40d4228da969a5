namespace DataPipeline.Config.Model.Dashboards;

/// <summary>How a dashboard filter is set: values picked from a list, or a range on a slider.</summary>
public enum FilterControl
{
    Dropdown,
    Range,
}
