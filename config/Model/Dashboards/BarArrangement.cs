namespace DataPipeline.Config.Model.Dashboards;

/// <summary>How the bars of several series sit: side by side or on top of each other.</summary>
public enum BarArrangement
{
    Grouped,
    Stacked,
}
