using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;

namespace DataPipeline.Components.EtlJob;

/// <summary>Properties of <see cref="EtlJob"/>. The defaults of the YAML settings behind them: Config.Settings.EnvironmentFileSettings.</summary>
public sealed record EtlJobProps
{
    public required string JobName { get; init; }
    /// <summary>The warehouse tables the job writes (data-warehouse/&lt;table&gt;/), one after another.</summary>
    public required IReadOnlyList<string> Tables { get; init; }
    /// <summary>The script Glue runs: the generic runner, or the table's own script.</summary>
    public required Asset Script { get; init; }
    /// <summary>The compiled Spark plans of <see cref="Tables"/>, a JSON list; the script fetches it from --plan_path.</summary>
    public required Asset Plans { get; init; }
    public required IBucket StagingBucket { get; init; }
    public required IBucket WarehouseBucket { get; init; }
    public required IKey EncryptionKey { get; init; }
    public required string SecurityConfigurationName { get; init; }
    /// <summary>The log group name given to the job (see JobLogs, which creates the groups Glue writes).</summary>
    public required string LogGroupName { get; init; }
    /// <summary>Name of the role created when <see cref="Role"/> is null.</summary>
    public required string RoleName { get; init; }
    /// <summary>"4.0" or "5.0"; each gets the logging arguments it understands.</summary>
    public required string GlueVersion { get; init; }
    public required string WorkerType { get; init; }
    /// <summary>Workers (the maximum when <see cref="AutoScaling"/> is on).</summary>
    public required int Workers { get; init; }
    /// <summary>A run is stopped after this many minutes (1 to 10,079).</summary>
    public required int TimeoutMinutes { get; init; }
    /// <summary>Default 0.</summary>
    public int MaxRetries { get; init; }
    /// <summary>Default false.</summary>
    public bool AutoScaling { get; init; }
    /// <summary>Flex execution (cheaper, may start later). Default false: standard.</summary>
    public bool Flex { get; init; }
    /// <summary>True for cleaned tables: the job reads staging/&lt;table&gt;/ and writes quarantine/&lt;table&gt;/ too. Default true.</summary>
    public bool ReadsStaging { get; init; } = true;
    /// <summary>Warehouse tables the job reads (derived tables' depends_on). Empty: none.</summary>
    public IReadOnlyList<string> ReadsTables { get; init; } = [];
    /// <summary>A role for the job. Null: a new least-privilege role named <see cref="RoleName"/>.</summary>
    public IRole? Role { get; init; }
}
