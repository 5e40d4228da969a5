namespace DataPipeline.Local;

/// <summary>Everything one dataset run produced, in the order it ran.</summary>
public sealed record DatasetRunResult
{
    public required string Dataset { get; init; }
    public required string Environment { get; init; }
    public required string Database { get; init; }
    /// <summary>The final folder &lt;out&gt;/&lt;dataset&gt;.</summary>
    public required string OutputFolder { get; init; }
    public required IReadOnlyList<TableRunResult> Tables { get; init; }
    public required IReadOnlyList<DerivedRunResult> Derived { get; init; }
    public required IReadOnlyList<QueryRunResult> Queries { get; init; }
    /// <summary>Wall time of each phase: tables, derived, catalog, queries, report.</summary>
    public required IReadOnlyDictionary<string, TimeSpan> Phases { get; init; }
    public required TimeSpan Elapsed { get; init; }
    /// <summary>The run's id: its quarantine and metrics are under run_id=&lt;id&gt;/.</summary>
    public string RunId { get; init; } = "";
    /// <summary>True when the run rebuilt every table from all readable staging files.</summary>
    public bool FullRefresh { get; init; }
}
