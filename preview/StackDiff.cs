namespace DataPipeline.Preview;

/// <summary>What the change does to one stack's template.</summary>
public sealed record StackDiff
{
    public required string Stack { get; init; }
    public required StackChangeKind Kind { get; init; }
    public IReadOnlyList<ResourceChange> Resources { get; init; } = [];
    public IReadOnlyList<IamStatementChange> IamStatements { get; init; } = [];
    public IReadOnlyList<ManagedPolicyChange> ManagedPolicies { get; init; } = [];
    public bool PermissionsBroadened { get; init; }

    /// <summary>What <c>cdk diff</c> prints for this stack.</summary>
    public string Text { get; init; } = "";
}
