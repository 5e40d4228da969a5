namespace DataPipeline.Config.Model;

/// <summary>One term of order_by, written "column" or "column desc".</summary>
public sealed record SortKey(string Column, bool Descending);
