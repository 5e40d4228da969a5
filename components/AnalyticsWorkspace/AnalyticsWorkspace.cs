using Amazon.CDK;
using Amazon.CDK.AWS.Athena;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.QuickSight;
using Constructs;
using DataPipeline.Components.Shared;

namespace DataPipeline.Components.AnalyticsWorkspace;

/// <summary>
/// Where analysts query a dataset: an Athena workgroup with enforced, encrypted, size-capped settings and one saved
/// query per SQL file, and optionally a QuickSight data source on that workgroup with one dataset per table.
/// Follows https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings.html
/// </summary>
public sealed class AnalyticsWorkspace : Construct
{
    public const string EngineVersion = "Athena engine version 3";

    private static readonly string[] DataSourceActions =
    [
        "quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource",
    ];

    private static readonly string[] DataSetActions =
    [
        "quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet",
        "quicksight:DescribeIngestion", "quicksight:ListIngestions",
    ];

    public AnalyticsWorkspace(Construct scope, string id, AnalyticsWorkspaceProps props)
        : base(scope, id)
    {
        if (props.BytesScannedCutoff < 10_000_000)
        {
            throw new ArgumentException("BytesScannedCutoff must be at least 10,000,000 bytes, Athena's minimum.", nameof(props));
        }
        Workgroup = new CfnWorkGroup(this, "Workgroup", new CfnWorkGroupProps
        {
            Name = props.WorkgroupName,
            Description = $"Queries of {props.DatabaseName}; settings are enforced for every user.",
            State = "ENABLED",
            RecursiveDeleteOption = props.DestroyOnRemoval,
            WorkGroupConfiguration = new CfnWorkGroup.WorkGroupConfigurationProperty
            {
                EnforceWorkGroupConfiguration = true,
                PublishCloudWatchMetricsEnabled = true,
                BytesScannedCutoffPerQuery = props.BytesScannedCutoff,
                EngineVersion = new CfnWorkGroup.EngineVersionProperty { SelectedEngineVersion = EngineVersion },
                ResultConfiguration = new CfnWorkGroup.ResultConfigurationProperty
                {
                    OutputLocation = $"s3://{props.ResultsBucket.BucketName}/{DataLake.DataLake.ResultsPrefix}",
                    EncryptionConfiguration = new CfnWorkGroup.EncryptionConfigurationProperty
                    {
                        EncryptionOption = "SSE_KMS",
                        KmsKey = props.EncryptionKey.KeyArn,
                    },
                },
            },
        });
        NamedQueries = props.Queries.Select(query => new CfnNamedQuery(this, ConstructIds.Pascal("Query", query.Name), new CfnNamedQueryProps
        {
            Name = query.Name,
            Description = query.Description,
            Database = props.DatabaseName,
            QueryString = query.Sql,
            WorkGroup = Workgroup.Ref,
        })).ToList();
        if (props.QuickSightPrincipals.Count > 0)
        {
            AddQuickSight(props);
        }
    }

    public CfnWorkGroup Workgroup { get; }
    public IReadOnlyList<CfnNamedQuery> NamedQueries { get; }
    public CfnDataSource? QuickSightDataSource { get; private set; }
    public IRole? QuickSightRole { get; private set; }
    public IReadOnlyList<CfnDataSet> QuickSightDataSets { get; private set; } = [];

    private PolicyDocument QuickSightPolicy(AnalyticsWorkspaceProps props)
    {
        var stack = Stack.Of(this);
        var warehouse = props.WarehouseBucket;
        var results = props.ResultsBucket;
        return PolicyJson.Document(
            PolicyJson.Allow(["athena:StartQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults", "athena:StopQueryExecution", "athena:GetWorkGroup"],
                [Arns.AthenaWorkgroup(stack, props.WorkgroupName)]),
            PolicyJson.Allow(["athena:GetDataCatalog"], [Arns.AthenaDataCatalog(stack, "AwsDataCatalog")]),
            PolicyJson.Allow(["glue:GetDatabase", "glue:GetDatabases", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
                [Arns.GlueCatalog(stack), Arns.GlueDatabase(stack, props.DatabaseName), Arns.GlueTables(stack, props.DatabaseName)]),
            PolicyJson.Allow(["s3:GetObject"], [Arns.ObjectsUnder(warehouse, DataLake.DataLake.WarehousePrefix)]),
            PolicyJson.Allow(["s3:ListBucket"], [warehouse.BucketArn], PolicyJson.PrefixCondition([DataLake.DataLake.WarehousePrefix])),
            PolicyJson.Allow(["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], [Arns.ObjectsUnder(results, DataLake.DataLake.ResultsPrefix)]),
            PolicyJson.Allow(["s3:ListBucket"], [results.BucketArn], PolicyJson.PrefixCondition([DataLake.DataLake.ResultsPrefix])),
            PolicyJson.Allow(["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"], [warehouse.BucketArn, results.BucketArn]),
            PolicyJson.Allow(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], [props.EncryptionKey.KeyArn]));
    }

    private void AddQuickSight(AnalyticsWorkspaceProps props)
    {
        var account = Stack.Of(this).Account;
        QuickSightRole = props.QuickSightRole ?? new Role(this, "QuickSightRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("quicksight.amazonaws.com"),
            Description = $"Runs QuickSight's Athena queries of {props.DatabaseName} in workgroup {props.WorkgroupName}.",
            InlinePolicies = new Dictionary<string, PolicyDocument> { ["QueryThroughWorkgroup"] = QuickSightPolicy(props) },
        });
        QuickSightDataSource = new CfnDataSource(this, "QuickSightDataSource", new CfnDataSourceProps
        {
            AwsAccountId = account,
            DataSourceId = props.QuickSightDataSourceId,
            Name = props.QuickSightDataSourceId,
            Type = "ATHENA",
            DataSourceParameters = new CfnDataSource.DataSourceParametersProperty
            {
                // Without a role QuickSight uses its service role, which cannot reach this workgroup's results or key:
                // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-quicksight-datasource-athenaparameters.html
                AthenaParameters = new CfnDataSource.AthenaParametersProperty { WorkGroup = Workgroup.Ref, RoleArn = QuickSightRole.RoleArn },
            },
            Permissions = props.QuickSightPrincipals
                .Select(p => new CfnDataSource.ResourcePermissionProperty { Principal = p, Actions = DataSourceActions })
                .ToArray(),
        });
        var dataSourceArn = QuickSightDataSource.AttrArn;
        QuickSightDataSets = props.QuickSightTables.Select(table => new CfnDataSet(this, ConstructIds.Pascal("DataSet", table.CatalogTable), new CfnDataSetProps
        {
            AwsAccountId = account,
            DataSetId = table.DataSetId,
            Name = table.DataSetId,
            // Direct query reads the catalog table at query time, so deploying before the first crawl does not fail.
            ImportMode = "DIRECT_QUERY",
            PhysicalTableMap = new Dictionary<string, object>
            {
                ["Table"] = new CfnDataSet.PhysicalTableProperty
                {
                    RelationalTable = new CfnDataSet.RelationalTableProperty
                    {
                        DataSourceArn = dataSourceArn,
                        Catalog = "AwsDataCatalog",
                        Schema = props.DatabaseName,
                        Name = table.CatalogTable,
                        InputColumns = table.Columns.Select(c => new CfnDataSet.InputColumnProperty { Name = c.Name, Type = c.Type }).ToArray(),
                    },
                },
            },
            Permissions = props.QuickSightPrincipals
                .Select(p => new CfnDataSet.ResourcePermissionProperty { Principal = p, Actions = DataSetActions })
                .ToArray(),
        })).ToList();
    }
}
