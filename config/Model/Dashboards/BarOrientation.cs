namespace DataPipeline.Config.Model.Dashboards;

public enum BarOrientation
{
    Vertical,
    Horizontal,
}
