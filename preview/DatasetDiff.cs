namespace DataPipeline.Preview;

/// <summary>What the change does to one dataset's data, from running both revisions locally on the same staging files.</summary>
public sealed record DatasetDiff
{
    public required string Dataset { get; init; }
    public required PresenceChange Presence { get; init; }
    public IReadOnlyList<TableDiff> Tables { get; init; } = [];
    public IReadOnlyList<RejectCount> Rejects { get; init; } = [];
    public IReadOnlyList<QueryDiff> Queries { get; init; } = [];
}
