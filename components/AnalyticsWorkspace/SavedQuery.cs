namespace DataPipeline.Components.AnalyticsWorkspace;

/// <summary>A query to save in the workgroup, with its SQL already read and its placeholders filled.</summary>
public sealed record SavedQuery(string Name, string Description, string Sql);
