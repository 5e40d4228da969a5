namespace DataPipeline.Components.Dashboards;

/// <summary>The QuickSight visual types the construct writes.</summary>
public enum ChartType
{
    Bar,
    Line,
    Table,
    Kpi,
    HeatMap,
    Pie,
}
