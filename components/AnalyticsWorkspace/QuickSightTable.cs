namespace DataPipeline.Components.AnalyticsWorkspace;

/// <summary>A catalog table to publish as a QuickSight dataset: its name and its columns as QuickSight types.</summary>
public sealed record QuickSightTable(string DataSetId, string CatalogTable, IReadOnlyList<(string Name, string Type)> Columns);
