using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using DataPipeline.Components.PipelineAlerts;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class PipelineAlertsTests
{
    private static readonly Lazy<TemplateJson> Alerts = new(() =>
    {
        var stack = TestStack.Create();
        _ = new PipelineAlerts(stack, "Alerts", Props(stack));
        return new TemplateJson(Template.FromStack(stack));
    });

    private static PipelineAlertsProps Props(Amazon.CDK.Stack stack) => new()
    {
        TopicName = "p-dev-d-alerts",
        EncryptionKey = new Key(stack, "Key", new KeyProps { EnableKeyRotation = true }),
        JobNamePrefix = "p-dev-d-",
        Crawlers = ["p-dev-d-crawler"],
        FinalJobs = ["p-dev-d-b"],
        FreshnessHours = 30,
        Emails = ["oncall@example.com", "data@example.com"],
    };

    private static JObject RuleFor(string detailType, string state) =>
        Alerts.Value.OfType("AWS::Events::Rule").Select(r => r.Resource).Single(r =>
            (string?)r.SelectToken("Properties.EventPattern['detail-type'][0]") == detailType
            && TemplateJson.Strings(r.SelectToken("Properties.EventPattern.detail.state")).Contains(state));

    private static string TopicId => Alerts.Value.OfType("AWS::SNS::Topic").Single().Id;

    [Fact]
    public void Alerts_topic_is_encrypted_with_the_dataset_key()
    {
        var keyId = Alerts.Value.OfType("AWS::KMS::Key").Single().Id;
        Assert.Equal(keyId, (string?)Alerts.Value.Single("AWS::SNS::Topic").SelectToken("Properties.KmsMasterKeyId['Fn::GetAtt'][0]"));
    }

    [Fact]
    public void Alerts_topic_refuses_publishing_without_tls()
    {
        var deny = Alerts.Value.Single("AWS::SNS::TopicPolicy").SelectTokens("Properties.PolicyDocument.Statement[*]")
            .Single(s => (string?)s["Effect"] == "Deny");
        Assert.Equal("false", (string?)deny.SelectToken("Condition.Bool['aws:SecureTransport']"));
    }

    [Fact]
    public void Alerts_topic_is_subscribed_by_every_email_of_the_environment()
    {
        var endpoints = Alerts.Value.OfType("AWS::SNS::Subscription").Select(s => (string)s.Resource.SelectToken("Properties.Endpoint")!).Order();
        Assert.Equal(["data@example.com", "oncall@example.com"], endpoints);
    }

    [Fact]
    public void Failed_timed_out_and_stopped_runs_of_the_datasets_jobs_are_sent_to_the_topic()
    {
        var rule = RuleFor("Glue Job State Change", "FAILED");
        Assert.Equal(["aws.glue"], TemplateJson.Strings(rule.SelectToken("Properties.EventPattern.source")));
        Assert.Equal(["FAILED", "TIMEOUT", "STOPPED", "ERROR"], TemplateJson.Strings(rule.SelectToken("Properties.EventPattern.detail.state")));
        Assert.Equal("p-dev-d-", (string?)rule.SelectToken("Properties.EventPattern.detail.jobName[0].prefix"));
        Assert.Equal(TopicId, (string?)rule.SelectToken("Properties.Targets[0].Arn.Ref"));
    }

    [Fact]
    public void Failed_crawler_runs_are_sent_to_the_topic()
    {
        var rule = RuleFor("Glue Crawler State Change", "Failed");
        Assert.Equal(["p-dev-d-crawler"], TemplateJson.Strings(rule.SelectToken("Properties.EventPattern.detail.crawlerName")));
        Assert.Equal(TopicId, (string?)rule.SelectToken("Properties.Targets[0].Arn.Ref"));
    }

    [Fact]
    public void Freshness_alarm_fires_when_no_final_job_succeeded_within_the_window()
    {
        var success = Alerts.Value.OfType("AWS::Events::Rule").Single(r =>
            TemplateJson.Strings(r.Resource.SelectToken("Properties.EventPattern.detail.state")).SequenceEqual(["SUCCEEDED"]));
        Assert.Equal(["p-dev-d-b"], TemplateJson.Strings(success.Resource.SelectToken("Properties.EventPattern.detail.jobName")));
        var alarm = Alerts.Value.OfType("AWS::CloudWatch::Alarm").Select(a => a.Resource["Properties"]!).Single(a => (string?)a["MetricName"] == "MatchedEvents");
        Assert.Equal("MatchedEvents", (string?)alarm["MetricName"]);
        Assert.Equal(success.Id, (string?)alarm.SelectToken("Dimensions[0].Value.Ref"));
        Assert.Equal(3600, (int)alarm["Period"]!);
        Assert.Equal(30, (int)alarm["EvaluationPeriods"]!);
        Assert.Equal("LessThanThreshold", (string?)alarm["ComparisonOperator"]);
        Assert.Equal("breaching", (string?)alarm["TreatMissingData"]);
        Assert.Equal(TopicId, (string?)alarm.SelectToken("AlarmActions[0].Ref"));
    }

    [Fact]
    public void Key_lets_eventbridge_and_cloudwatch_publish_to_the_encrypted_topic_without_conditions_eventbridge_cannot_meet()
    {
        var statement = Alerts.Value.Single("AWS::KMS::Key").SelectTokens("Properties.KeyPolicy.Statement[*]").Single(s => (string?)s["Sid"] == "AllowAlertPublishers");
        Assert.Equal(["events.amazonaws.com", "cloudwatch.amazonaws.com"], TemplateJson.Strings(statement.SelectToken("Principal.Service")));
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], TemplateJson.Strings(statement["Action"]));
        Assert.Null(statement["Condition"]);
    }

    [Fact]
    public void Failed_deliveries_of_each_alerting_rule_raise_an_alarm_on_the_topic()
    {
        var alerting = Alerts.Value.OfType("AWS::Events::Rule").Where(r => r.Resource.SelectToken("Properties.Targets") is not null).Select(r => r.Id).Order().ToList();
        var alarms = Alerts.Value.OfType("AWS::CloudWatch::Alarm").Select(a => a.Resource["Properties"]!).Where(a => (string?)a["MetricName"] == "FailedInvocations").ToList();
        Assert.Equal(2, alerting.Count);
        Assert.Equal(alerting, alarms.Select(a => (string)a.SelectToken("Dimensions[0].Value.Ref")!).Order());
        Assert.All(alarms, a =>
        {
            Assert.Equal("AWS/Events", (string?)a["Namespace"]);
            Assert.Equal("GreaterThanOrEqualToThreshold", (string?)a["ComparisonOperator"]);
            Assert.Equal(1, (int)a["Threshold"]!);
            Assert.Equal(TopicId, (string?)a.SelectToken("AlarmActions[0].Ref"));
        });
    }

    [Fact]
    public void Alerts_without_a_given_key_encrypt_the_topic_with_a_rotated_key_of_their_own()
    {
        var stack = TestStack.Create();
        var alerts = new PipelineAlerts(stack, "Alerts", Props(stack) with { EncryptionKey = null, KeyAlias = "alias/p-dev-d-alerts" });
        var template = new TemplateJson(Template.FromStack(stack));
        var own = template.OfType("AWS::KMS::Key").Single(k => k.Id.StartsWith("AlertsKey", StringComparison.Ordinal));
        Assert.True((bool)own.Resource.SelectToken("Properties.EnableKeyRotation")!);
        Assert.Equal("Retain", (string?)own.Resource["DeletionPolicy"]);
        Assert.Equal(own.Id, (string?)template.Single("AWS::SNS::Topic").SelectToken("Properties.KmsMasterKeyId['Fn::GetAtt'][0]"));
        Assert.Contains(own.Resource.SelectTokens("Properties.KeyPolicy.Statement[*]"), s => (string?)s["Sid"] == "AllowAlertPublishers");
        Assert.Equal("alias/p-dev-d-alerts", (string?)template.Single("AWS::KMS::Alias").SelectToken("Properties.AliasName"));
        Assert.NotSame(alerts.Key, null);
    }

    [Fact]
    public void Alerts_refuse_a_freshness_window_longer_than_cloudwatch_can_evaluate()
    {
        var stack = TestStack.Create();
        var error = Assert.Throws<ArgumentException>(() => new PipelineAlerts(stack, "Alerts", Props(stack) with { FreshnessHours = 169 }));
        Assert.Equal("FreshnessHours must be between 1 and 168; CloudWatch evaluates alarms over at most 7 days. (Parameter 'props')", error.Message);
    }
}
