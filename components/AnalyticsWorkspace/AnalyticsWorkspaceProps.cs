using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace DataPipeline.Components.AnalyticsWorkspace;

/// <summary>Properties of <see cref="AnalyticsWorkspace"/>.</summary>
public sealed record AnalyticsWorkspaceProps
{
    public required string WorkgroupName { get; init; }
    public required string DatabaseName { get; init; }
    /// <summary>Query results go to athena-results/ in this bucket, encrypted with <see cref="EncryptionKey"/>.</summary>
    public required IBucket ResultsBucket { get; init; }
    /// <summary>The bucket whose data-warehouse/ tables QuickSight's direct queries read through Athena.</summary>
    public required IBucket WarehouseBucket { get; init; }
    public required IKey EncryptionKey { get; init; }
    /// <summary>A query that would scan more bytes is cancelled. Athena's minimum is 10,000,000.</summary>
    public required long BytesScannedCutoff { get; init; }
    public IReadOnlyList<SavedQuery> Queries { get; init; } = [];
    /// <summary>Delete the workgroup even when it holds saved queries and history. Default false.</summary>
    public bool DestroyOnRemoval { get; init; }
    /// <summary>QuickSight principals (user or group ARNs). Empty: no QuickSight resources are created.</summary>
    public IReadOnlyList<string> QuickSightPrincipals { get; init; } = [];
    /// <summary>Id of the QuickSight data source; required when <see cref="QuickSightPrincipals"/> is not empty.</summary>
    public string QuickSightDataSourceId { get; init; } = "";
    /// <summary>Tables published as QuickSight datasets (direct query). Empty: none.</summary>
    public IReadOnlyList<QuickSightTable> QuickSightTables { get; init; } = [];
    /// <summary>
    /// The role QuickSight's data source runs its Athena queries as. Null (and QuickSight on): a role that may use only
    /// this workgroup, read the database, the warehouse tables and the results prefix, and use <see cref="EncryptionKey"/>.
    /// </summary>
    public IRole? QuickSightRole { get; init; }
}
