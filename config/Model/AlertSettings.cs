using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Who hears about failures and how stale data may get. Keys and defaults: <see cref="Settings.EnvironmentFileSettings"/>.</summary>
public sealed record AlertSettings
{
    public IReadOnlyList<string> Emails { get; init; } = [];
    public int FreshnessHours { get; init; } = EnvironmentFileSettings.FreshnessHours.DefaultValue;
    public bool DedicatedKey { get; init; } = EnvironmentFileSettings.AlertsDedicatedKey.DefaultValue;
}
