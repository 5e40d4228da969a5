using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using DataPipeline.Components.Shared;
using Lake = DataPipeline.Components.DataLake.DataLake;

namespace DataPipeline.Components.EtlJob;

/// <summary>
/// One Glue Spark job that turns one table's staging files (or other warehouse tables, for a derived table) into
/// Parquet in the warehouse, with its own least-privilege role and encrypted log group.
/// Follows https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
/// </summary>
public sealed class EtlJob : Construct
{
    public EtlJob(Construct scope, string id, EtlJobProps props)
        : base(scope, id)
    {
        var settings = props.Settings;
        JobName = props.JobName;
        // L1 on purpose: the L2's RetentionDays enum cannot be built from a number of days read from YAML.
        LogGroup = new CfnLogGroup(this, "LogGroup", new CfnLogGroupProps
        {
            LogGroupName = props.LogGroupName,
            RetentionInDays = props.LogRetentionDays,
            KmsKeyId = props.EncryptionKey.KeyArn,
        });
        Role = props.Role ?? new Role(this, "Role", new RoleProps
        {
            RoleName = props.RoleName,
            AssumedBy = new ServicePrincipal("glue.amazonaws.com"),
            Description = $"Runs the Glue job {props.JobName}: reads only its inputs, writes only its outputs.",
            InlinePolicies = new Dictionary<string, PolicyDocument> { ["Job"] = JobPolicy(props) },
        });
        var arguments = new Dictionary<string, string>
        {
            ["--job-language"] = "python",
            ["--plan"] = props.PlanJson,
            ["--staging_path"] = $"s3://{props.StagingBucket.BucketName}/{Lake.StagingPath(props.Table)}",
            ["--warehouse_path"] = $"s3://{props.WarehouseBucket.BucketName}/",
            ["--enable-continuous-cloudwatch-log"] = "true",
            ["--enable-continuous-log-filter"] = "true",
            ["--continuous-log-logGroup"] = props.LogGroupName,
            ["--enable-metrics"] = "true",
            ["--enable-observability-metrics"] = "true",
            ["--job-bookmark-option"] = settings.JobBookmarks ? "job-bookmark-enable" : "job-bookmark-disable",
        };
        if (settings.AutoScaling)
        {
            arguments["--enable-auto-scaling"] = "true";
        }
        Job = new CfnJob(this, "Job", new CfnJobProps
        {
            Name = props.JobName,
            Description = $"Writes {Lake.WarehousePath(props.Table)} of {props.WarehouseBucket.BucketName}.",
            Role = Role.RoleArn,
            Command = new CfnJob.JobCommandProperty
            {
                Name = "glueetl",
                PythonVersion = "3",
                ScriptLocation = props.Script.S3ObjectUrl,
            },
            GlueVersion = settings.GlueVersion,
            WorkerType = settings.WorkerType,
            NumberOfWorkers = settings.Workers,
            Timeout = settings.TimeoutMinutes,
            MaxRetries = settings.MaxRetries,
            // Two runs of one job would overwrite the same warehouse table at once.
            ExecutionProperty = new CfnJob.ExecutionPropertyProperty { MaxConcurrentRuns = 1 },
            ExecutionClass = settings.Flex ? "FLEX" : "STANDARD",
            SecurityConfiguration = props.SecurityConfigurationName,
            DefaultArguments = arguments,
        });
    }

    public string JobName { get; }
    public CfnJob Job { get; }
    public IRole Role { get; }
    public CfnLogGroup LogGroup { get; }

    /// <summary>The log groups Glue writes a job's error and output logs to when its security configuration encrypts logs.</summary>
    public static string EncryptedLogGroupPrefix(string roleName, string securityConfiguration) => $"/aws-glue/jobs-{roleName}-{securityConfiguration}";

    private static PolicyDocument JobPolicy(EtlJobProps props)
    {
        var stack = Stack.Of(props.WarehouseBucket);
        var warehouse = props.WarehouseBucket;
        var writes = new List<string> { Lake.WarehousePath(props.Table) };
        var reads = props.ReadsTables.Select(Lake.WarehousePath).ToList();
        if (props.ReadsStaging)
        {
            writes.Add(Lake.QuarantinePath(props.Table));
        }
        writes.Add(Lake.MetricsPath(props.Table));
        var encryptedLogs = EncryptedLogGroupPrefix(props.RoleName, props.SecurityConfigurationName);
        var statements = new List<Dictionary<string, object>>
        {
            PolicyJson.Allow(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], writes.Select(p => Arns.ObjectsUnder(warehouse, p)).ToArray()),
            PolicyJson.Allow(["s3:ListBucket"], [warehouse.BucketArn], PolicyJson.PrefixCondition(writes.Concat(reads))),
            PolicyJson.Allow(["s3:GetObject"], [$"{props.Script.Bucket.BucketArn}/{props.Script.S3ObjectKey}"]),
            PolicyJson.Allow(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], [props.EncryptionKey.KeyArn]),
            PolicyJson.Allow(["logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
                [Arns.LogGroup(stack, props.LogGroupName), Arns.LogStreams(stack, props.LogGroupName)]),
            PolicyJson.Allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
                [Arns.LogGroup(stack, encryptedLogs + "*"), Arns.LogStreams(stack, encryptedLogs + "*")]),
            // CloudWatch has no resource-level permissions for metrics; the condition limits the job to Glue's namespace.
            PolicyJson.Allow(["cloudwatch:PutMetricData"], ["*"],
                new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = "Glue" } }),
        };
        if (reads.Count > 0)
        {
            statements.Add(PolicyJson.Allow(["s3:GetObject"], reads.Select(p => Arns.ObjectsUnder(warehouse, p)).ToArray()));
        }
        if (props.ReadsStaging)
        {
            var staging = Lake.StagingPath(props.Table);
            statements.Add(PolicyJson.Allow(["s3:GetObject"], [Arns.ObjectsUnder(props.StagingBucket, staging)]));
            statements.Add(PolicyJson.Allow(["s3:ListBucket"], [props.StagingBucket.BucketArn], PolicyJson.PrefixCondition([staging])));
        }
        return PolicyJson.Document([.. statements]);
    }
}
