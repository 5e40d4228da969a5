namespace DataPipeline.Preview;

/// <summary>An AWS managed policy attached to or detached from a role.</summary>
public sealed record ManagedPolicyChange
{
    public required string Change { get; init; }
    public required string Resource { get; init; }
    public required string ManagedPolicyArn { get; init; }
}
