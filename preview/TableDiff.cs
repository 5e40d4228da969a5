namespace DataPipeline.Preview;

/// <summary>How one warehouse table's rows and columns differ between the base's and the head's local runs.</summary>
public sealed record TableDiff
{
    public required string Table { get; init; }
    public required PresenceChange Presence { get; init; }
    public long RowsBefore { get; init; }
    public long RowsAfter { get; init; }

    /// <summary>Rows whose key only the head has (without a key: rows the head has more often than the base).</summary>
    public long Added { get; init; }

    /// <summary>Rows whose key only the base has (without a key: rows the base has more often than the head).</summary>
    public long Removed { get; init; }

    /// <summary>Rows whose key both have with a different value in a column both have; null when compared without a key.</summary>
    public long? Changed { get; init; }

    /// <summary>The key the rows were matched by; empty when the table has none and rows were compared as a multiset.</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    public IReadOnlyList<ColumnChange> Columns { get; init; } = [];

    public bool HasChanges => Presence != PresenceChange.InBoth || Added + Removed + (Changed ?? 0) > 0 || Columns.Count > 0;
}
