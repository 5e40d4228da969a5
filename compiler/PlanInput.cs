namespace DataPipeline.Compiler;

/// <summary>A warehouse table a derived plan reads, registered as a view named <see cref="Table"/>.</summary>
public sealed record PlanInput
{
    public required string Table { get; init; }
    /// <summary>Its folder relative to the warehouse root (<see cref="WarehouseFolders.Data"/>).</summary>
    public required string Path { get; init; }
    /// <summary>Its columns in the plan's dialect, for an empty view when the folder holds no file yet. Empty: not known.</summary>
    public IReadOnlyList<PlanColumn> Columns { get; init; } = [];
}
