namespace DataPipeline.Preview;

/// <summary>An IAM policy statement that is added or removed, rendered as <c>cdk diff</c> shows it.</summary>
public sealed record IamStatementChange
{
    public required string Change { get; init; }
    public required string Resource { get; init; }
    public required string Effect { get; init; }
    public required string Action { get; init; }
    public required string Principal { get; init; }
    public string Condition { get; init; } = "";
}
