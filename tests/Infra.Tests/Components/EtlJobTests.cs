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
    public void EtlJob_passes_the_s3_asset_of_its_plans_and_the_staging_and_warehouse_roots_to_the_script()
    {
        Assert.Null(Argument(Job, "--plan"));
        var planPath = Job.SelectToken("Properties.DefaultArguments['--plan_path']")!.ToString(Newtonsoft.Json.Formatting.None);
        Assert.Contains("s3://cdk-hnb659fds-assets-123456789012-eu-west-1/", planPath, StringComparison.Ordinal);
        Assert.Contains(".json", planPath, StringComparison.Ordinal);
        Assert.Equal("s3://p-dev-d-staging/staging/", Argument(Job, "--staging_root"));
        Assert.Equal("s3://p-dev-d-warehouse/", Argument(Job, "--warehouse_path"));
    }

    [Fact]
    public void EtlJob_role_may_read_its_script_and_its_plans_objects_only_from_the_asset_bucket()
    {
        var assets = ResourcesOf(fixture.Table, "s3:GetObject").Where(r => r.Contains("cdk-hnb659fds-assets", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, assets.Count);
        Assert.Single(assets, a => a.Contains(".py", StringComparison.Ordinal));
        Assert.Single(assets, a => a.Contains(".json", StringComparison.Ordinal));
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
    }

    [Fact]
    public void EtlJob_keeps_Glue_bookmarks_disabled_since_the_ledger_picks_the_files()
    {
        Assert.Equal("job-bookmark-disable", Argument(Job, "--job-bookmark-option"));
        Assert.Equal("job-bookmark-disable", Argument(DerivedJob, "--job-bookmark-option"));
    }

    [Fact]
    public void EtlJob_runs_incrementally_unless_a_run_passes_full_refresh()
    {
        Assert.Equal("false", Argument(Job, "--full_refresh"));
    }

    [Fact]
    public void EtlJob_runs_one_run_at_a_time_whatever_the_settings_say_because_runs_overwrite_the_same_table()
    {
        Assert.Equal(3, EtlJobFixture.Tuned.MaxConcurrentRuns);
        Assert.Equal(1, (int)Job.SelectToken("Properties.ExecutionProperty.MaxConcurrentRuns")!);
    }

    [Fact]
    public void EtlJob_defaults_to_standard_execution_without_auto_scaling()
    {
        var properties = DerivedJob["Properties"]!;
        Assert.Equal("STANDARD", (string?)properties["ExecutionClass"]);
        Assert.Null(Argument(DerivedJob, "--enable-auto-scaling"));
        Assert.Equal(new JobSettings().TimeoutMinutes, (int)properties["Timeout"]!);
        Assert.Equal(0, (int)properties["MaxRetries"]!);
    }

    [Fact]
    public void Glue_5_job_gets_the_custom_log_group_prefix_and_none_of_the_continuous_logging_arguments_it_ignores()
    {
        Assert.Equal("/aws-glue/p-dev-d/etl", Argument(Job, "--custom-logGroup-prefix"));
        Assert.Equal("p-dev-d-albums", Argument(Job, "--custom-logStream-prefix"));
        Assert.Null(Argument(Job, "--enable-continuous-cloudwatch-log"));
        Assert.Null(Argument(Job, "--continuous-log-logGroup"));
    }

    [Fact]
    public void Glue_4_job_logs_continuously_to_the_given_group_in_streams_named_by_the_job()
    {
        Assert.Equal("4.0", (string?)DerivedJob.SelectToken("Properties.GlueVersion"));
        Assert.Equal("true", Argument(DerivedJob, "--enable-continuous-cloudwatch-log"));
        Assert.Equal("/aws-glue/p-dev-d/etl", Argument(DerivedJob, "--continuous-log-logGroup"));
        Assert.Equal("p-dev-d-albums", Argument(DerivedJob, "--continuous-log-logStreamPrefix"));
        Assert.Null(Argument(DerivedJob, "--custom-logGroup-prefix"));
    }

    [Fact]
    public void EtlJob_role_may_write_and_associate_the_key_with_the_groups_glue_writes_for_its_log_group()
    {
        var statement = Statements(fixture.Table).Single(s => TemplateJson.Strings(s["Action"]).Contains("logs:AssociateKmsKey"));
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"], TemplateJson.Strings(statement["Action"]));
        Assert.All(TemplateJson.Strings(statement["Resource"]), r => Assert.Contains("log-group:/aws-glue/p-dev-d/etl*", r, StringComparison.Ordinal));
    }

    [Fact]
    public void EtlJob_names_the_security_configuration_and_sends_metrics()
    {
        Assert.Equal("p-dev-d", (string?)Job.SelectToken("Properties.SecurityConfiguration"));
        Assert.Equal("true", Argument(Job, "--enable-metrics"));
    }

    [Fact]
    public void EtlJob_role_reads_only_the_staging_prefixes_of_its_own_tables()
    {
        var stagingReads = ResourcesOf(fixture.Table, "s3:GetObject").Where(r => r.Contains("p-dev-d-staging", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stagingReads.Count);
        Assert.Contains(stagingReads, r => r.Contains("/staging/albums/*", StringComparison.Ordinal));
        Assert.Contains(stagingReads, r => r.Contains("/staging/tracks/*", StringComparison.Ordinal));
    }

    [Fact]
    public void EtlJob_role_writes_only_the_warehouse_quarantine_metrics_and_state_prefixes_of_its_own_tables()
    {
        var writes = ResourcesOf(fixture.Table, "s3:PutObject");
        Assert.Equal(8, writes.Count);
        foreach (var table in new[] { "albums", "tracks" })
        {
            Assert.Contains(writes, w => w.Contains($"/data-warehouse/{table}/*", StringComparison.Ordinal));
            Assert.Contains(writes, w => w.Contains($"/quarantine/{table}/*", StringComparison.Ordinal));
            Assert.Contains(writes, w => w.Contains($"/_metrics/{table}/*", StringComparison.Ordinal));
            Assert.Contains(writes, w => w.Contains($"/_state/{table}/*", StringComparison.Ordinal));
        }
        Assert.All(writes, w => Assert.Contains("p-dev-d-warehouse", w, StringComparison.Ordinal));
    }

    [Fact]
    public void EtlJob_role_writes_only_its_own_log_groups()
    {
        var logs = ResourcesOf(fixture.Table, "logs:PutLogEvents");
        Assert.NotEmpty(logs);
        Assert.All(logs, l => Assert.True(
            l.Contains("log-group:/aws-glue/p-dev-d/etl*", StringComparison.Ordinal)
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
        Assert.Equal(5, reads.Count);
        Assert.Contains(reads, r => r.Contains("/data-warehouse/tracks/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/data-warehouse/album_summary/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/_metrics/album_summary/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/_state/album_summary/*", StringComparison.Ordinal));
        Assert.Contains(reads, r => r.Contains("/data-warehouse/artists/*", StringComparison.Ordinal));
        Assert.DoesNotContain(Statements(fixture.Derived).SelectMany(s => TemplateJson.Strings(s["Resource"])), r => r.Contains("p-dev-d-staging", StringComparison.Ordinal));
        Assert.DoesNotContain(ResourcesOf(fixture.Derived, "s3:PutObject"), r => r.Contains("/quarantine/", StringComparison.Ordinal));
    }

    [Fact]
    public void EtlJob_uses_a_given_role_instead_of_creating_one()
    {
        var stack = TestStack.Create();
        var role = Role.FromRoleArn(stack, "Given", "arn:aws:iam::123456789012:role/given");
        var job = new EtlJob(stack, "Job", EtlJobFixture.Props(stack, new JobSettings(), ["albums"], true, []) with { Role = role });
        Assert.Same(role, job.Role);
        Template.FromStack(stack).ResourceCountIs("AWS::IAM::Role", 0);
    }
}
