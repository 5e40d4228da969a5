namespace DataPipeline.Config.Model.Dashboards;

/// <summary>A visual's order: a column of its fields, ascending or descending.</summary>
public sealed record SortOrder(string Column, bool Descending);
