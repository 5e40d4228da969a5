namespace DataPipeline.Config.Model.Dashboards;

/// <summary>What a dashboard visual draws.</summary>
public enum VisualKind
{
    Bar,
    Line,
    Table,
    Kpi,
    Heatmap,
    Pie,
}
