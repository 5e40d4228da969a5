namespace DataPipeline.Preview;

/// <summary>Rows of one table rejected for one reason, before and after the change.</summary>
public sealed record RejectCount
{
    public required string Table { get; init; }
    public required string Reason { get; init; }
    public long Before { get; init; }
    public long After { get; init; }
}
