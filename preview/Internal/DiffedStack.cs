namespace DataPipeline.Preview;

/// <summary>One stack as preview/template-diff.js reports it.</summary>
internal sealed record DiffedStack(
    string Name,
    IReadOnlyList<DiffedResource> Resources,
    IReadOnlyList<IamStatementChange> IamStatements,
    IReadOnlyList<ManagedPolicyChange> ManagedPolicies,
    bool PermissionsBroadened,
    string Text);
