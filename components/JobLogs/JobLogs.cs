using Amazon.CDK.AWS.Logs;
using Constructs;

namespace DataPipeline.Components.JobLogs;

/// <summary>
/// The log groups Glue jobs actually write to, created by the stack so they have a retention and the key (groups Glue
/// creates itself never expire). Glue 4.0 writes continuous logs to &lt;group&gt;-&lt;security configuration&gt; when the
/// security configuration encrypts logs (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html);
/// Glue 5.0 ignores those arguments and writes &lt;prefix&gt;/error and &lt;prefix&gt;/output
/// (https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html).
/// </summary>
public sealed class JobLogs : Construct
{
    public const string Glue4 = "4.0";
    public const string Glue5 = "5.0";

    public JobLogs(Construct scope, string id, JobLogsProps props)
        : base(scope, id)
    {
        LogGroupName = props.LogGroupName;
        LogGroups = props.GlueVersions.Distinct().Order(StringComparer.Ordinal)
            .SelectMany(version => GroupsWritten(props.LogGroupName, props.SecurityConfigurationName, version))
            .Select(name => new CfnLogGroup(this, Id(props.LogGroupName, name), new CfnLogGroupProps
            {
                LogGroupName = name,
                RetentionInDays = props.RetentionDays,
                KmsKeyId = props.EncryptionKey.KeyArn,
            }))
            .ToList();
    }

    public string LogGroupName { get; }
    public IReadOnlyList<CfnLogGroup> LogGroups { get; }

    /// <summary>The groups a job of this Glue version writes when given <paramref name="logGroupName"/>.</summary>
    public static IReadOnlyList<string> GroupsWritten(string logGroupName, string securityConfiguration, string glueVersion) => glueVersion switch
    {
        Glue4 => [$"{logGroupName}-{securityConfiguration}"],
        Glue5 => [$"{logGroupName}/error", $"{logGroupName}/output"],
        _ => throw new ArgumentException($"GlueVersion is '{glueVersion}'; jobs log as Glue {Glue4} or {Glue5} only.", nameof(glueVersion)),
    };

    /// <summary>Job arguments that send a job's logs to <paramref name="logGroupName"/>, in streams named by <paramref name="streamPrefix"/>.</summary>
    public static IReadOnlyDictionary<string, string> Arguments(string logGroupName, string streamPrefix, string glueVersion) => glueVersion switch
    {
        Glue4 => new Dictionary<string, string>
        {
            ["--enable-continuous-cloudwatch-log"] = "true",
            ["--enable-continuous-log-filter"] = "true",
            ["--continuous-log-logGroup"] = logGroupName,
            ["--continuous-log-logStreamPrefix"] = streamPrefix,
        },
        Glue5 => new Dictionary<string, string>
        {
            ["--custom-logGroup-prefix"] = logGroupName,
            ["--custom-logStream-prefix"] = streamPrefix,
        },
        _ => throw new ArgumentException($"GlueVersion is '{glueVersion}'; jobs log as Glue {Glue4} or {Glue5} only.", nameof(glueVersion)),
    };

    // From the suffix after the shared name ("-p-dev-d", "/error"), which is stable: "GroupPDevD", "GroupError".
    private static string Id(string baseName, string name) =>
        Shared.ConstructIds.Pascal("Group", name[baseName.Length..].Replace('/', '-'));
}
