using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;
using DataPipeline.Config.Model;

namespace DataPipeline.Components.EtlJob;

/// <summary>Properties of <see cref="EtlJob"/>. Job settings and their defaults: <see cref="JobSettings"/> and Config.Settings.EnvironmentFileSettings.</summary>
public sealed record EtlJobProps
{
    public required string JobName { get; init; }
    /// <summary>The warehouse table the job writes (data-warehouse/&lt;table&gt;/).</summary>
    public required string Table { get; init; }
    /// <summary>The compiled Spark plan (JSON), passed to the script as --plan.</summary>
    public required string PlanJson { get; init; }
    /// <summary>The script Glue runs: the generic runner, or the table's own script.</summary>
    public required Asset Script { get; init; }
    public required IBucket StagingBucket { get; init; }
    public required IBucket WarehouseBucket { get; init; }
    public required IKey EncryptionKey { get; init; }
    public required string SecurityConfigurationName { get; init; }
    public required JobSettings Settings { get; init; }
    public required int LogRetentionDays { get; init; }
    /// <summary>Name of the role created when <see cref="Role"/> is null.</summary>
    public required string RoleName { get; init; }
    /// <summary>Name of the log group for continuous logging.</summary>
    public required string LogGroupName { get; init; }
    /// <summary>True for a cleaned table: the job reads staging/&lt;table&gt;/ and writes quarantine/&lt;table&gt;/ too.</summary>
    public bool ReadsStaging { get; init; } = true;
    /// <summary>Warehouse tables the job reads (a derived table's depends_on). Empty: none.</summary>
    public IReadOnlyList<string> ReadsTables { get; init; } = [];
    /// <summary>A role for the job. Null: a new least-privilege role named <see cref="RoleName"/>.</summary>
    public IRole? Role { get; init; }
}
