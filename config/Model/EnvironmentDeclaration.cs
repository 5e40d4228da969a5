namespace DataPipeline.Config.Model;

/// <summary>An environment named in pipeline.yaml; its settings live in pipeline.&lt;name&gt;.yaml.</summary>
public sealed record EnvironmentDeclaration
{
    public required string Name { get; init; }
    /// <summary>Production environments refuse removal_policy: destroy and get termination protection.</summary>
    public bool Production { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;
}
