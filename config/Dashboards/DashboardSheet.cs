namespace DataPipeline.Config.Dashboards;

/// <summary>A sheet of a resolved dashboard: its visuals fill a grid of <see cref="Columns"/> columns row by row.</summary>
public sealed record DashboardSheet(string Name, string Title, int Columns, IReadOnlyList<DashboardVisual> Visuals);
