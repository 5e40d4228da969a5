namespace DataPipeline.Config.Model;

/// <summary>Who hears about failures and how stale data may get. Defaults: <see cref="Defaults"/>.</summary>
public sealed record AlertSettings
{
    public IReadOnlyList<string> Emails { get; init; } = [];
    public int FreshnessHours { get; init; } = Defaults.FreshnessHours;
    public bool DedicatedKey { get; init; } = Defaults.AlertsDedicatedKey;
}
