using DataPipeline.Config.Model;

namespace DataPipeline.Tests.Kit;

/// <summary>Retention days that differ from every default, so a test proves the value came from the props.</summary>
public static class Retention
{
    public static RetentionSettings Distinct { get; } = new()
    {
        StagingInfrequentAccessDays = 31,
        StagingGlacierDays = 95,
        StagingExpirationDays = 400,
        NoncurrentVersionExpirationDays = 11,
        AthenaResultsDays = 4,
        AccessLogsDays = 60,
        LogRetentionDays = 14,
    };
}
