using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using DataPipeline.Components.EtlJob;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class EtlJobTests(EtlJobFixture fixture) : IClassFixture<EtlJobFixture>
{
    private JObject Job => fixture.Table.Single("AWS::Glue::Job");

    private JObject DerivedJob => fixture.Derived.Single("AWS::Glue::Job");

    private static string? Argument(JObject job, string name) => (string?)job.SelectToken($"Properties.DefaultArguments['{name}']");

    private static List<JObject> Statements(TemplateJson template) => template.IamStatements().ToList();

    private static List<string> ResourcesOf(TemplateJson template, string action) =>
        Statements(template).Where(s => TemplateJson.Strings(s["Action"]).Contains(action)).SelectMany(s => TemplateJson.Strings(s["Resource"])).ToList();

    [Fact]
    public void EtlJob_runs_its_script_asset_as_a_python_3_spark_job()
    {
        Assert.Equal("glueetl", (string?)Job.SelectToken("Properties.Command.Name"));
        Assert.Equal("3", (string?)Job.SelectToken("Properties.Command.PythonVersion"));
        Assert.Contains("cdk-hnb659fds-assets-123456789012-eu-west-1", Job.SelectToken("Properties.Command.ScriptLocation")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EtlJob_passes_the_compiled_plan_and_its_paths_to_the_script()
    {
        Assert.Equal("""{"table":"albums"}""", Argument(Job, "--plan"));
        Assert.Equal("s3://p-dev-d-staging/staging/albums/", Argument(Job, "--staging_path"));
        Assert.Equal("s3://p-dev-d-warehouse/", Argument(Job, "--warehouse_path"));
    }

    [Fact]
    public void EtlJob_applies_every_job_setting()
    {
        var properties = Job["Properties"]!;
        Assert.Equal("5.0", (string?)properties["GlueVersion"]);
        Assert.Equal("G.2X", (string?)properties["WorkerType"]);
        Assert.Equal(7, (int)properties["NumberOfWorkers"]!);
        Assert.Equal(45, (int)properties["Timeout"]!);
        Assert.Equal(2, (int)properties["MaxRetries"]!);
        Assert.Equal("FLEX", (string?)properties["ExecutionClass"]);
        Assert.Equal("true", Argument(Job, "--enable-auto-scaling"));
        Assert.Equal("job-bookmark-enable", Argument(Job, "--job-bookmark-option"));
    }

    [Fact]
    public void EtlJob_runs_one_run_at_a_time_whatever_the_settings_say_because_runs_overwrite_the_same_table()
    {
        Assert.Equal(3, EtlJobFixture.Tuned.MaxConcurrentRuns);
        Assert.Equal(1, (int)Job.SelectToken("Properties.ExecutionProperty.MaxConcurrentRuns")!);
    }

    [Fact]
    public void EtlJob_defaults_to_standard_execution_without_auto_scaling_or_bookmarks()
    {
        var properties = DerivedJob["Properties"]!;
        Assert.Equal("STANDARD", (string?)properties["ExecutionClass"]);
        Assert.Null(Argument(DerivedJob, "--enable-auto-scaling"));
        Assert.Equal("job-bookmark-disable", Argument(DerivedJob, "--job-bookmark-option"));
        Assert.Equal(new JobSettings().TimeoutMinutes, (int)properties["Timeout"]!);
        Assert.Equal(0, (int)properties["MaxRetries"]!);
    }

    [Fact]
    public void EtlJob_names_the_security_configuration_and_sends_metrics()
    {
        Assert.Equal("p-dev-d", (string?)Job.SelectToken("Properties.SecurityConfiguration"));
        Assert.Equal("true", Argument(Job, "--enable-metrics"));
    }

    [Fact]
    public void EtlJob_logs_continuously_to_its_own_encrypted_log_group_with_a_retention()
    {
        Assert.Equal("true", Argument(Job, "--enable-continuous-cloudwatch-log"));
        Assert.Equal("/aws-glue/p-dev-d/albums", Argument(Job, "--continuous-log-logGroup"));
        var logGroup = fixture.Table.Single("AWS::Logs::LogGroup");
        Assert.Equal("/aws-glue/p-dev-d/albums", (string?)logGroup.SelectToken("Properties.LogGroupName"));
        Assert.Equal(14, (int)logGroup.SelectToken("Properties.RetentionInDays")!);
        Assert.NotNull(logGroup.SelectToken("Properties.KmsKeyId['Fn::GetAtt']"));
    }

    [Fact]
    public void EtlJob_role_reads_only_its_own_staging_prefix()
    {
        var stagingReads = ResourcesOf(fixture.Table, "s3:GetObject").Where(r => r.Contains("p-dev-d-staging", StringComparison.Ordinal)).ToList();
        Assert.Single(stagingReads);
        Assert.Contains("/staging/albums/*", stagingReads[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EtlJob_role_writes_only_its_warehouse_quarantine_and_metrics_prefixes()
    {
        var writes = ResourcesOf(fixture.Table, "s3:PutObject");
        Assert.Equal(3, writes.Count);
        Assert.Contains(writes, w => w.Contains("/data-warehouse/albums/*", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Contains("/quarantine/albums/*", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Contains("/_metrics/albums/*", StringComparison.Ordinal));
        Assert.All(writes, w => Assert.Contains("p-dev-d-warehouse", w, StringComparison.Ordinal));
    }

    [Fact]
    public void EtlJob_role_may_read_its_script_asset_object_only()
    {
        var script = ResourcesOf(fixture.Table, "s3:GetObject").Where(r => r.Contains("cdk-hnb659fds-assets", StringComparison.Ordinal)).ToList();
        Assert.Single(script);
        Assert.EndsWith(".py", script[0].TrimEnd('"', ']', '}'), StringComparison.Ordinal);
    }

    [Fact]
    public void EtlJob_role_writes_only_its_own_log_groups()
    {
        var logs = ResourcesOf(fixture.Table, "logs:PutLogEvents");
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.True(
            l.Contains("log-group:/aws-glue/p-dev-d/albums", StringComparison.Ordinal)
            || l.Contains("log-group:/aws-glue/jobs-p-dev-d-etl-albums-p-dev-d", StringComparison.Ordinal), l));
    }

    [Fact]
    public void EtlJob_role_has_no_wildcard_action_and_no_wildcard_data_resource()
    {
        foreach (var statement in Statements(fixture.Table).Concat(Statements(fixture.Derived)))
        {
            var actions = TemplateJson.Strings(statement["Action"]);
            Assert.DoesNotContain(actions, a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
            if (TemplateJson.Strings(statement["Resource"]).Contains("*"))
            {
                Assert.Equal(["cloudwatch:PutMetricData"], actions);
                Assert.Equal("Glue", (string?)statement.SelectToken("Condition.StringEquals['cloudwatch:namespace']"));
            }
        }
        Assert.Null(fixture.Table.Single("AWS::IAM::Role").SelectToken("Properties.ManagedPolicyArns"));
    }

    [Fact]
    public void Derived_job_reads_only_the_tables_it_depends_on_and_never_staging()
    {
        var reads = ResourcesOf(fixture.Derived, "s3:GetObject").Where(r => r.Contains("p-dev-d-warehouse", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, reads.Count);
        Assert.Contains(reads, r => r.Contains("/data-warehouse/tracks/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/data-warehouse/albums/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/_metrics/albums/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/data-warehouse/artists/*", StringComparison.Ordinal));
        Assert.DoesNotContain(Statements(fixture.Derived).SelectMany(s => TemplateJson.Strings(s["Resource"])), r => r.Contains("p-dev-d-staging", StringComparison.Ordinal));
        Assert.DoesNotContain(ResourcesOf(fixture.Derived, "s3:PutObject"), r => r.Contains("/quarantine/", StringComparison.Ordinal));
    }

    [Fact]
    public void EtlJob_uses_a_given_role_instead_of_creating_one()
    {
        var stack = TestStack.Create();
        var role = Role.FromRoleArn(stack, "Given", "arn:aws:iam::123456789012:role/given");
        var job = new EtlJob(stack, "Job", EtlJobFixture.Props(stack, new JobSettings(), true, []) with { Role = role });
        Assert.Same(role, job.Role);
        Template.FromStack(stack).ResourceCountIs("AWS::IAM::Role", 0);
    }
}
