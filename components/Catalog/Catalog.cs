using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Constructs;
using DataPipeline.Components.Shared;
using DataPipeline.Config;

namespace DataPipeline.Components.Catalog;

/// <summary>
/// The Glue Data Catalog side of a dataset: a database, a security configuration, and a crawler with its own
/// least-privilege role that turns data-warehouse/&lt;table&gt;/ into tbl_&lt;table&gt;.
/// Follows https://docs.aws.amazon.com/glue/latest/dg/crawler-configuration.html
/// </summary>
public sealed class Catalog : Construct
{
    public const string TablePrefix = "tbl_";

    /// <summary>Files Spark and Hadoop leave beside the data, and rejected rows, are never cataloged.</summary>
    public static readonly string[] Exclusions = ["**/_SUCCESS", "**/*.crc", "**/_temporary/**", "quarantine/**", "**/_metrics/**"];

    public Catalog(Construct scope, string id, CatalogProps props)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        DatabaseName = props.DatabaseName;
        SecurityConfigurationName = props.SecurityConfigurationName;
        Database = new CfnDatabase(this, "Database", new CfnDatabaseProps
        {
            CatalogId = stack.Account,
            DatabaseInput = new CfnDatabase.DatabaseInputProperty { Name = props.DatabaseName, Description = props.Description },
        });
        var keyArn = props.EncryptionKey.KeyArn;
        SecurityConfiguration = new CfnSecurityConfiguration(this, "SecurityConfiguration", new CfnSecurityConfigurationProps
        {
            Name = props.SecurityConfigurationName,
            EncryptionConfiguration = new CfnSecurityConfiguration.EncryptionConfigurationProperty
            {
                CloudWatchEncryption = new CfnSecurityConfiguration.CloudWatchEncryptionProperty { CloudWatchEncryptionMode = "SSE-KMS", KmsKeyArn = keyArn },
                JobBookmarksEncryption = new CfnSecurityConfiguration.JobBookmarksEncryptionProperty { JobBookmarksEncryptionMode = "CSE-KMS", KmsKeyArn = keyArn },
                S3Encryptions = new[] { new CfnSecurityConfiguration.S3EncryptionProperty { S3EncryptionMode = "SSE-KMS", KmsKeyArn = keyArn } },
            },
        });
        AllowCloudWatchLogsToUseKey(props);

        CrawlerRole = props.CrawlerRole ?? new Role(this, "CrawlerRole", new RoleProps
        {
            RoleName = props.CrawlerRoleName,
            AssumedBy = new ServicePrincipal("glue.amazonaws.com"),
            Description = $"Crawls the warehouse tables of {props.DatabaseName} into its catalog database.",
            InlinePolicies = new Dictionary<string, PolicyDocument> { ["Crawl"] = CrawlerPolicy(stack, props) },
        });

        Crawler = new CfnCrawler(this, "Crawler", new CfnCrawlerProps
        {
            Name = props.CrawlerName,
            Role = CrawlerRole.RoleArn,
            DatabaseName = props.DatabaseName,
            TablePrefix = TablePrefix,
            Description = $"Catalogs the warehouse tables of {props.DatabaseName}.",
            Targets = new CfnCrawler.TargetsProperty
            {
                S3Targets = props.Tables.Select(t => new CfnCrawler.S3TargetProperty
                {
                    Path = $"s3://{props.WarehouseBucket.BucketName}/{DataLake.DataLake.WarehousePath(t)}",
                    Exclusions = Exclusions,
                }).ToArray(),
            },
            SchemaChangePolicy = new CfnCrawler.SchemaChangePolicyProperty { UpdateBehavior = "UPDATE_IN_DATABASE", DeleteBehavior = "LOG" },
            RecrawlPolicy = new CfnCrawler.RecrawlPolicyProperty { RecrawlBehavior = "CRAWL_EVERYTHING" },
            Schedule = props.ScheduleCron is null ? null : new CfnCrawler.ScheduleProperty { ScheduleExpression = props.ScheduleCron },
            CrawlerSecurityConfiguration = props.SecurityConfigurationName,
            // Level 3 = s3://bucket/data-warehouse/<table>/: one catalog table per warehouse table, partitions below it.
            Configuration = """{"Version":1.0,"Grouping":{"TableLevelConfiguration":3},"CrawlerOutput":{"Partitions":{"AddOrUpdateBehavior":"InheritFromTable"}}}""",
        });
        // Created here, not by Glue, so it has a retention and is encrypted with the dataset key.
        CrawlerLogs = new Amazon.CDK.AWS.Logs.CfnLogGroup(this, "CrawlerLogGroup", new Amazon.CDK.AWS.Logs.CfnLogGroupProps
        {
            LogGroupName = CrawlerLogGroup(props.CrawlerRoleName, props.SecurityConfigurationName),
            RetentionInDays = props.LogRetentionDays,
            KmsKeyId = keyArn,
        });
        if (props.EncryptCatalog)
        {
            // https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
            CatalogEncryption = new CfnDataCatalogEncryptionSettings(this, "CatalogEncryption", new CfnDataCatalogEncryptionSettingsProps
            {
                CatalogId = stack.Account,
                DataCatalogEncryptionSettings = new CfnDataCatalogEncryptionSettings.DataCatalogEncryptionSettingsProperty
                {
                    EncryptionAtRest = new CfnDataCatalogEncryptionSettings.EncryptionAtRestProperty { CatalogEncryptionMode = "SSE-KMS", SseAwsKmsKeyId = keyArn },
                    ConnectionPasswordEncryption = new CfnDataCatalogEncryptionSettings.ConnectionPasswordEncryptionProperty { ReturnConnectionPasswordEncrypted = true, KmsKeyId = keyArn },
                },
            });
            Database.AddDependency(CatalogEncryption);
        }
        Crawler.AddDependency(CrawlerLogs);
        Crawler.AddDependency(Database);
        Crawler.AddDependency(SecurityConfiguration);
    }

    public string DatabaseName { get; }
    public string SecurityConfigurationName { get; }
    public CfnDatabase Database { get; }
    public CfnSecurityConfiguration SecurityConfiguration { get; }
    /// <summary>The account's catalog encryption, when <see cref="CatalogProps.EncryptCatalog"/> is on.</summary>
    public CfnDataCatalogEncryptionSettings? CatalogEncryption { get; }
    public CfnCrawler Crawler { get; }
    public IRole CrawlerRole { get; }
    public Amazon.CDK.AWS.Logs.CfnLogGroup CrawlerLogs { get; }

    /// <summary>The log groups Glue writes to when a security configuration encrypts logs.</summary>
    public static string CrawlerLogGroup(string roleName, string securityConfiguration) => $"/aws-glue/crawlers-role/{roleName}-{securityConfiguration}";

    private static PolicyDocument CrawlerPolicy(Stack stack, CatalogProps props)
    {
        var warehouse = props.WarehouseBucket;
        // The crawler reads every table of data-warehouse/ (quarantine/ and _metrics/ lie outside it), so one prefix
        // grants what listing each table would, and the policy stays one size however many tables there are.
        string[] prefixes = [DataLake.DataLake.WarehousePrefix];
        var logGroup = CrawlerLogGroup(props.CrawlerRoleName, props.SecurityConfigurationName);
        return PolicyJson.Document(
            PolicyJson.Allow(["s3:GetObject"], prefixes.Select(p => Arns.ObjectsUnder(warehouse, p)).ToArray()),
            PolicyJson.Allow(["s3:ListBucket"], [warehouse.BucketArn], PolicyJson.PrefixCondition(prefixes)),
            PolicyJson.Allow(["glue:GetDatabase"], [Arns.GlueCatalog(stack), Arns.GlueDatabase(stack, props.DatabaseName)]),
            PolicyJson.Allow(
                ["glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable", "glue:GetPartition", "glue:GetPartitions",
                 "glue:BatchGetPartition", "glue:CreatePartition", "glue:BatchCreatePartition", "glue:UpdatePartition", "glue:BatchUpdatePartition"],
                [Arns.GlueCatalog(stack), Arns.GlueDatabase(stack, props.DatabaseName), Arns.GlueTables(stack, props.DatabaseName)]),
            PolicyJson.Allow(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], [props.EncryptionKey.KeyArn]),
            PolicyJson.Allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
                [Arns.LogGroup(stack, logGroup), Arns.LogStreams(stack, logGroup)]));
    }

    private void AllowCloudWatchLogsToUseKey(CatalogProps props)
    {
        var stack = Stack.Of(this);
        props.EncryptionKey.AddToResourcePolicy(PolicyStatement.FromJson(new Dictionary<string, object>
        {
            ["Sid"] = "AllowGlueLogsEncryption",
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Service"] = $"logs.{stack.Region}.amazonaws.com" },
            ["Action"] = new[] { "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" },
            ["Resource"] = "*",
            ["Condition"] = new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["kms:EncryptionContext:aws:logs:arn"] = Arns.LogGroup(stack, "/aws-glue/*") },
            },
        }));
    }
}
