using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Whether QuickSight is wired to the workgroup, and who may use its data source and datasets.</summary>
public sealed record QuickSightSettings
{
    public bool Enabled { get; init; } = EnvironmentFileSettings.QuickSightEnabled.DefaultValue;
    /// <summary>QuickSight user or group ARNs granted use of the data source and datasets.</summary>
    public IReadOnlyList<string> Principals { get; init; } = [];
}
