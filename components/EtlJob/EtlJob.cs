using Amazon.CDK;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Constructs;
using DataPipeline.Components.Shared;
using Lake = DataPipeline.Components.DataLake.DataLake;
using Logs = DataPipeline.Components.JobLogs.JobLogs;

namespace DataPipeline.Components.EtlJob;

/// <summary>
/// One Glue Spark job that turns tables' staging files (or other warehouse tables, for derived tables) into Parquet in
/// the warehouse, one table after another in one Spark session, with its own least-privilege role. The compiled plans
/// are an S3 asset the script fetches, so the template stays small however many tables there are.
/// Follows https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
/// </summary>
public sealed class EtlJob : Construct
{
    public EtlJob(Construct scope, string id, EtlJobProps props)
        : base(scope, id)
    {
        if (props.Tables.Count == 0)
        {
            throw new ArgumentException("Tables must name at least one table the job writes.", nameof(props));
        }
        JobName = props.JobName;
        Tables = props.Tables;
        Plans = props.Plans;
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
            ["--plan_path"] = props.Plans.S3ObjectUrl,
            ["--staging_root"] = $"s3://{props.StagingBucket.BucketName}/{Lake.StagingPrefix}",
            ["--warehouse_path"] = $"s3://{props.WarehouseBucket.BucketName}/",
            ["--enable-metrics"] = "true",
            ["--enable-observability-metrics"] = "true",
            // The runner's ledger decides which staging files a run reads; Glue's bookmarks track only DynamicFrame reads.
            ["--job-bookmark-option"] = "job-bookmark-disable",
            // A run started with --full_refresh true rebuilds its tables from every readable staging file.
            ["--full_refresh"] = "false",
        };
        foreach (var (name, value) in Logs.Arguments(props.LogGroupName, props.JobName, props.GlueVersion))
        {
            arguments[name] = value;
        }
        if (props.AutoScaling)
        {
            arguments["--enable-auto-scaling"] = "true";
        }
        Job = new CfnJob(this, "Job", new CfnJobProps
        {
            Name = props.JobName,
            Description = $"Writes {string.Join(", ", props.Tables.Select(Lake.WarehousePath))} of {props.WarehouseBucket.BucketName}.",
            Role = Role.RoleArn,
            Command = new CfnJob.JobCommandProperty
            {
                Name = "glueetl",
                PythonVersion = "3",
                ScriptLocation = props.Script.S3ObjectUrl,
            },
            GlueVersion = props.GlueVersion,
            WorkerType = props.WorkerType,
            NumberOfWorkers = props.Workers,
            Timeout = props.TimeoutMinutes,
            MaxRetries = props.MaxRetries,
            // Two runs of one job would overwrite the same warehouse tables at once.
            ExecutionProperty = new CfnJob.ExecutionPropertyProperty { MaxConcurrentRuns = 1 },
            ExecutionClass = props.Flex ? "FLEX" : "STANDARD",
            SecurityConfiguration = props.SecurityConfigurationName,
            DefaultArguments = arguments,
        });
    }

    public string JobName { get; }
    public IReadOnlyList<string> Tables { get; }
    /// <summary>The asset of the job's plans (--plan_path).</summary>
    public Amazon.CDK.AWS.S3.Assets.Asset Plans { get; }
    public CfnJob Job { get; }
    public IRole Role { get; }

    /// <summary>The log groups Glue 4.0 writes a job's error and output logs to when its security configuration encrypts logs.</summary>
    public static string EncryptedLogGroupPrefix(string roleName, string securityConfiguration) => $"/aws-glue/jobs-{roleName}-{securityConfiguration}";

    /// <summary>One statement per purpose; each lists the job's own tables, so the policy grows with the tables of one job only.</summary>
    private static PolicyDocument JobPolicy(EtlJobProps props)
    {
        var stack = Stack.Of(props.WarehouseBucket);
        var warehouse = props.WarehouseBucket;
        var writes = props.Tables.Select(Lake.WarehousePath)
            .Concat(props.ReadsStaging ? props.Tables.Select(Lake.QuarantinePath) : [])
            .Concat(props.Tables.Select(Lake.MetricsPath))
            .Concat(props.Tables.Select(Lake.StatePath))
            .ToList();
        var reads = props.ReadsTables.Distinct().Select(Lake.WarehousePath).ToList();
        var statements = new List<Dictionary<string, object>>
        {
            PolicyJson.Allow(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], writes.Select(p => Arns.ObjectsUnder(warehouse, p)).ToArray()),
            PolicyJson.Allow(["s3:ListBucket"], [warehouse.BucketArn], PolicyJson.PrefixCondition(writes.Concat(reads))),
            PolicyJson.Allow(["s3:GetObject"], [ObjectArn(props.Script), ObjectArn(props.Plans)]),
            PolicyJson.Allow(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"], [props.EncryptionKey.KeyArn]),
            // The groups JobLogs creates (<group>-<security configuration> on 4.0, <group>/error and /output on 5.0).
            PolicyJson.Allow(["logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
                [Arns.LogGroup(stack, props.LogGroupName + "*"), Arns.LogStreams(stack, props.LogGroupName + "*")]),
            // CloudWatch has no resource-level permissions for metrics; the condition limits the job to Glue's namespace.
            PolicyJson.Allow(["cloudwatch:PutMetricData"], ["*"],
                new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = "Glue" } }),
        };
        if (props.GlueVersion == Logs.Glue4)
        {
            // Glue 4.0 still writes its driver's error and output logs to groups of its own naming.
            var encryptedLogs = EncryptedLogGroupPrefix(props.RoleName, props.SecurityConfigurationName);
            statements.Add(PolicyJson.Allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"],
                [Arns.LogGroup(stack, encryptedLogs + "*"), Arns.LogStreams(stack, encryptedLogs + "*")]));
        }
        if (reads.Count > 0)
        {
            statements.Add(PolicyJson.Allow(["s3:GetObject"], reads.Select(p => Arns.ObjectsUnder(warehouse, p)).ToArray()));
        }
        if (props.ReadsStaging)
        {
            var staging = props.Tables.Select(Lake.StagingPath).ToList();
            statements.Add(PolicyJson.Allow(["s3:GetObject"], staging.Select(p => Arns.ObjectsUnder(props.StagingBucket, p)).ToArray()));
            statements.Add(PolicyJson.Allow(["s3:ListBucket"], [props.StagingBucket.BucketArn], PolicyJson.PrefixCondition(staging)));
        }
        return PolicyJson.Document([.. statements]);
    }

    private static string ObjectArn(Amazon.CDK.AWS.S3.Assets.Asset asset) => $"{asset.Bucket.BucketArn}/{asset.S3ObjectKey}";
}
