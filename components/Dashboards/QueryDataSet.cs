namespace DataPipeline.Components.Dashboards;

/// <summary>
/// A saved query published as a QuickSight dataset: custom SQL on the Athena data source, its result columns typed.
/// <see cref="Refresh"/> set: imported into SPICE on that schedule; null: direct query.
/// </summary>
public sealed record QueryDataSet
{
    public required string DataSetId { get; init; }
    /// <summary>How the dashboards' definitions name it (DataSetIdentifier); unique among the datasets.</summary>
    public required string Identifier { get; init; }
    /// <summary>The SQL, placeholders filled, as the Athena named query has it.</summary>
    public required string Sql { get; init; }
    public required IReadOnlyList<QuickSightColumn> Columns { get; init; }
    public SpiceRefresh? Refresh { get; init; }
}
