namespace DataPipeline.Components.Dashboards;

/// <summary>A column of a dataset with its QuickSight type (STRING, INTEGER, DECIMAL, DATETIME, BOOLEAN).</summary>
public sealed record QuickSightColumn(string Name, string Type)
{
    public bool IsNumeric => Type is "INTEGER" or "DECIMAL";
}
