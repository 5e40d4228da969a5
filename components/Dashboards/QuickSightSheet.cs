namespace DataPipeline.Components.Dashboards;

/// <summary>A sheet whose visuals fill a grid of <see cref="GridColumns"/> columns row by row.</summary>
public sealed record QuickSightSheet(string SheetId, string Title, int GridColumns, IReadOnlyList<QuickSightVisual> Visuals);
