namespace DataPipeline.Config.Model;

/// <summary>How long data and logs are kept. Defaults: <see cref="Defaults"/>.</summary>
public sealed record RetentionSettings
{
    public int StagingInfrequentAccessDays { get; init; } = Defaults.StagingInfrequentAccessDays;
    public int StagingGlacierDays { get; init; } = Defaults.StagingGlacierDays;
    public int StagingExpirationDays { get; init; } = Defaults.StagingExpirationDays;
    public int NoncurrentVersionExpirationDays { get; init; } = Defaults.NoncurrentVersionExpirationDays;
    public int AthenaResultsDays { get; init; } = Defaults.AthenaResultsDays;
    public int AccessLogsDays { get; init; } = Defaults.AccessLogsDays;
    public int LogRetentionDays { get; init; } = Defaults.LogRetentionDays;
}
