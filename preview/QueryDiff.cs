namespace DataPipeline.Preview;

/// <summary>Whether a saved query's result (queries/&lt;name&gt;.csv) changed, with a few of the lines that differ.</summary>
public sealed record QueryDiff
{
    public required string Query { get; init; }
    public required PresenceChange Presence { get; init; }
    public required bool Changed { get; init; }
    public long RowsBefore { get; init; }
    public long RowsAfter { get; init; }

    /// <summary>The header line of the result the excerpt shows.</summary>
    public string Header { get; init; } = "";

    /// <summary>The base's header line when it differs from <see cref="Header"/>; otherwise null.</summary>
    public string? HeaderBefore { get; init; }

    /// <summary>Up to a few result lines only the base has.</summary>
    public IReadOnlyList<string> LinesBefore { get; init; } = [];

    /// <summary>Up to a few result lines only the head has (for a new query, its first lines).</summary>
    public IReadOnlyList<string> LinesAfter { get; init; } = [];

    /// <summary>Lines that differ beyond the excerpt, both sides together.</summary>
    public long MoreLines { get; init; }
}
