namespace DataPipeline.Config.Model;

/// <summary>The etl section of an environment file, or of one dataset's overrides there.</summary>
public sealed record EtlOptions
{
    public Schedule? Schedule { get; init; }
    public bool? EventDriven { get; init; }
    public int? BatchWindowMinutes { get; init; }
    public int? TablesPerJob { get; init; }
    public JobOptions Job { get; init; } = new();
    /// <summary>Per-table job overrides (cleaned or derived table name to options).</summary>
    public IReadOnlyDictionary<string, JobOptions> Tables { get; init; } = new Dictionary<string, JobOptions>();
    public Origin Origin { get; init; } = Origin.Nowhere;
}
