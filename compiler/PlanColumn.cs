namespace DataPipeline.Compiler;

/// <summary>A column of a table the executor reads back, with its type in the plan's dialect.</summary>
public sealed record PlanColumn
{
    public required string Name { get; init; }
    public required string Type { get; init; }
}
