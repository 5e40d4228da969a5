namespace DataPipeline.Config.Model;

/// <summary>A saved question: an Athena named query and a chart in the local report.</summary>
public sealed record QueryDefinition
{
    public required string Name { get; init; }
    /// <summary>Path of the SQL file, relative to the project root (sql/&lt;dataset&gt;/&lt;name&gt;.sql).</summary>
    public required string SqlFile { get; init; }
    public string Description { get; init; } = "";
    public ChartKind Chart { get; init; } = ChartKind.Auto;
    public Origin Origin { get; init; } = Origin.Nowhere;
}
