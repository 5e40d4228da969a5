using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>How long data and logs are kept. Keys and defaults: <see cref="Settings.EnvironmentFileSettings"/>.</summary>
public sealed record RetentionSettings
{
    public int StagingInfrequentAccessDays { get; init; } = EnvironmentFileSettings.StagingInfrequentAccessDays.DefaultValue;
    public int StagingGlacierDays { get; init; } = EnvironmentFileSettings.StagingGlacierDays.DefaultValue;
    public int StagingExpirationDays { get; init; } = EnvironmentFileSettings.StagingExpirationDays.DefaultValue;
    public int NoncurrentVersionExpirationDays { get; init; } = EnvironmentFileSettings.NoncurrentVersionExpirationDays.DefaultValue;
    public int AthenaResultsDays { get; init; } = EnvironmentFileSettings.AthenaResultsDays.DefaultValue;
    public int AccessLogsDays { get; init; } = EnvironmentFileSettings.AccessLogsDays.DefaultValue;
    public int LogRetentionDays { get; init; } = EnvironmentFileSettings.LogRetentionDays.DefaultValue;
    public Origin Origin { get; init; } = Origin.Nowhere;
}
