namespace DataPipeline.Config.Model;

/// <summary>A dataset: its cleaned tables, derived tables and saved queries.</summary>
public sealed record DatasetDefinition
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required IReadOnlyList<TableDefinition> Tables { get; init; }
    public IReadOnlyList<DerivedTableDefinition> Derived { get; init; } = [];
    public IReadOnlyList<QueryDefinition> Queries { get; init; } = [];
    public IReadOnlyList<Dashboards.DashboardDefinition> Dashboards { get; init; } = [];
    public Origin Origin { get; init; } = Origin.Nowhere;

    /// <summary>Every table the warehouse holds: cleaned tables first, then derived ones.</summary>
    public IEnumerable<string> AllTableNames => Tables.Select(t => t.Name).Concat(Derived.Select(d => d.Name));
}
