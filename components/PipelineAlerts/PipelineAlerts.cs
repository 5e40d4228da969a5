using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

namespace DataPipeline.Components.PipelineAlerts;

/// <summary>
/// Tells people when a dataset's pipeline breaks: an encrypted, TLS-only SNS topic; EventBridge rules for failed
/// Glue jobs and crawlers (they catch failures that happen before Spark starts, which metric alarms miss); and a
/// freshness alarm when no run has succeeded for too long; and an alarm on each alerting rule's failed deliveries.
/// Follows https://docs.aws.amazon.com/glue/latest/dg/automating-awsglue-with-cloudwatch-events.html
/// </summary>
public sealed class PipelineAlerts : Construct
{
    public static readonly string[] FailedJobStates = ["FAILED", "TIMEOUT", "STOPPED", "ERROR"];

    public PipelineAlerts(Construct scope, string id, PipelineAlertsProps props)
        : base(scope, id)
    {
        if (props.FreshnessHours is < 1 or > 168)
        {
            throw new ArgumentException("FreshnessHours must be between 1 and 168; CloudWatch evaluates alarms over at most 7 days.", nameof(props));
        }
        Key = props.EncryptionKey ?? new Key(this, "Key", new KeyProps
        {
            EnableKeyRotation = true,
            Alias = props.KeyAlias,
            Description = $"Encrypts the alerts topic {props.TopicName}.",
            RemovalPolicy = props.KeyRemovalPolicy,
        });
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = props.TopicName,
            MasterKey = Key,
            EnforceSSL = true,
        });
        foreach (var (email, index) in props.Emails.Select((e, i) => (e, i)))
        {
            _ = new CfnSubscription(this, $"Email{index + 1}", new CfnSubscriptionProps { TopicArn = Topic.TopicArn, Protocol = "email", Endpoint = email });
        }
        JobFailureRule = Rule("JobFailureRule", $"Glue jobs of this dataset that fail, time out or stop.", new Dictionary<string, object>
        {
            ["source"] = new[] { "aws.glue" },
            ["detail-type"] = new[] { "Glue Job State Change" },
            // A prefix keeps the pattern the same size however many jobs the dataset has (EventBridge allows 2,048 characters).
            ["detail"] = new Dictionary<string, object>
            {
                ["jobName"] = new object[] { new Dictionary<string, object> { ["prefix"] = props.JobNamePrefix } },
                ["state"] = FailedJobStates,
            },
        }, alert: true);
        CrawlerFailureRule = Rule("CrawlerFailureRule", "Crawlers of this dataset that fail.", new Dictionary<string, object>
        {
            ["source"] = new[] { "aws.glue" },
            ["detail-type"] = new[] { "Glue Crawler State Change" },
            ["detail"] = new Dictionary<string, object> { ["crawlerName"] = props.Crawlers.ToArray(), ["state"] = new[] { "Failed" } },
        }, alert: true);
        SuccessRule = Rule("RunSucceededRule", "Counts successful final-stage jobs; the freshness alarm watches its matches.", new Dictionary<string, object>
        {
            ["source"] = new[] { "aws.glue" },
            ["detail-type"] = new[] { "Glue Job State Change" },
            ["detail"] = new Dictionary<string, object> { ["jobName"] = props.FinalJobs.ToArray(), ["state"] = new[] { "SUCCEEDED" } },
        }, alert: false);
        AllowPublishing();
        DeliveryAlarms = [DeliveryAlarm("JobFailureDeliveryAlarm", JobFailureRule), DeliveryAlarm("CrawlerFailureDeliveryAlarm", CrawlerFailureRule)];

        FreshnessAlarm = new CfnAlarm(this, "FreshnessAlarm", new CfnAlarmProps
        {
            AlarmDescription = $"No run of this dataset succeeded in the last {props.FreshnessHours} hours.",
            Namespace = "AWS/Events",
            MetricName = "MatchedEvents",
            Dimensions = new[] { new CfnAlarm.DimensionProperty { Name = "RuleName", Value = SuccessRule.Ref } },
            Statistic = "Sum",
            Period = 3600,
            EvaluationPeriods = props.FreshnessHours,
            Threshold = 1,
            ComparisonOperator = "LessThanThreshold",
            // No matches at all means no success: a silent pipeline is a stale one.
            TreatMissingData = "breaching",
            AlarmActions = new[] { Topic.TopicArn },
        });
    }

    public IKey Key { get; }
    public Topic Topic { get; }
    public CfnRule JobFailureRule { get; }
    public CfnRule CrawlerFailureRule { get; }
    public CfnRule SuccessRule { get; }
    public CfnAlarm FreshnessAlarm { get; }
    /// <summary>Fire when EventBridge could not deliver an alert to the topic (FailedInvocations of an alerting rule).</summary>
    public IReadOnlyList<CfnAlarm> DeliveryAlarms { get; }

    private CfnAlarm DeliveryAlarm(string id, CfnRule rule) => new(this, id, new CfnAlarmProps
    {
        AlarmDescription = "EventBridge could not deliver a pipeline alert to the topic; check the topic's key and access policies.",
        Namespace = "AWS/Events",
        MetricName = "FailedInvocations",
        Dimensions = new[] { new CfnAlarm.DimensionProperty { Name = "RuleName", Value = rule.Ref } },
        Statistic = "Sum",
        Period = 300,
        EvaluationPeriods = 1,
        Threshold = 1,
        ComparisonOperator = "GreaterThanOrEqualToThreshold",
        TreatMissingData = "notBreaching",
        AlarmActions = new[] { Topic.TopicArn },
    });

    private CfnRule Rule(string id, string description, Dictionary<string, object> pattern, bool alert) =>
        new(this, id, new CfnRuleProps
        {
            Description = description,
            EventPattern = pattern,
            State = "ENABLED",
            Targets = alert ? new[] { new CfnRule.TargetProperty { Id = "Topic", Arn = Topic.TopicArn } } : null,
        });

    private void AllowPublishing()
    {
        Topic.AddToResourcePolicy(PolicyStatement.FromJson(new Dictionary<string, object>
        {
            ["Sid"] = "AllowEventBridgeAndCloudWatch",
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Service"] = new[] { "events.amazonaws.com", "cloudwatch.amazonaws.com" } },
            ["Action"] = "sns:Publish",
            ["Resource"] = Topic.TopicArn,
            ["Condition"] = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
            },
        }));
        // No aws:SourceAccount condition: the KMS calls EventBridge makes for SNS do not carry it, see "no messages
        // published to my encrypted SNS topic" in https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
        Key.AddToResourcePolicy(PolicyStatement.FromJson(new Dictionary<string, object>
        {
            ["Sid"] = "AllowAlertPublishers",
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["Service"] = new[] { "events.amazonaws.com", "cloudwatch.amazonaws.com" } },
            ["Action"] = new[] { "kms:Decrypt", "kms:GenerateDataKey*" },
            ["Resource"] = "*",
        }));
    }
}
