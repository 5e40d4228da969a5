using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using DataPipeline.Components.EtlWorkflow;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class EtlWorkflowTests
{
    private static readonly Lazy<TemplateJson> Scheduled = new(() => Synthesize("cron(0 3 * * ? *)", ["d-derived"], events: false));
    private static readonly Lazy<TemplateJson> OnDemandWithoutDerived = new(() => Synthesize(null, [], events: false));
    private static readonly Lazy<TemplateJson> EventDriven = new(() => Synthesize("cron(0 3 * * ? *)", [], events: true));

    private static EtlWorkflowProps Props(Amazon.CDK.Stack stack, string? schedule, string[] derived, bool events) => new()
    {
        WorkflowName = "p-dev-d",
        TableJobs = ["d-a", "d-b"],
        DerivedJobs = derived,
        CrawlerName = "p-dev-d-crawler",
        ScheduleCron = schedule,
        StartOnStagingUploads = events ? Bucket.FromBucketName(stack, "Staging", "p-dev-d-staging") : null,
        BatchWindow = Amazon.CDK.Duration.Minutes(10),
    };

    private static TemplateJson Synthesize(string? schedule, string[] derived, bool events)
    {
        var stack = TestStack.Create();
        _ = new EtlWorkflow(stack, "Workflow", Props(stack, schedule, derived, events));
        return new TemplateJson(Template.FromStack(stack));
    }

    private static JObject Trigger(TemplateJson template, string name) =>
        template.OfType("AWS::Glue::Trigger").Select(t => t.Resource).Single(t => (string?)t.SelectToken("Properties.Name") == name);

    private static string[] JobActions(JObject trigger) => trigger.SelectTokens("Properties.Actions[*].JobName").Select(t => (string)t!).ToArray();

    private static string[] SucceededJobs(JObject trigger)
    {
        Assert.Equal("AND", (string?)trigger.SelectToken("Properties.Predicate.Logical"));
        var conditions = trigger.SelectTokens("Properties.Predicate.Conditions[*]").ToList();
        Assert.All(conditions, c => Assert.Equal("SUCCEEDED", (string?)c["State"]));
        return conditions.Select(c => (string)c["JobName"]!).ToArray();
    }

    [Fact]
    public void Workflow_starts_every_table_job_together_on_its_schedule()
    {
        var start = Trigger(Scheduled.Value, "p-dev-d-start");
        Assert.Equal("SCHEDULED", (string?)start.SelectToken("Properties.Type"));
        Assert.Equal("cron(0 3 * * ? *)", (string?)start.SelectToken("Properties.Schedule"));
        Assert.True((bool)start.SelectToken("Properties.StartOnCreation")!);
        Assert.Equal(["d-a", "d-b"], JobActions(start));
    }

    [Fact]
    public void Workflow_starts_only_on_demand_without_a_schedule()
    {
        var start = Trigger(OnDemandWithoutDerived.Value, "p-dev-d-start");
        Assert.Equal("ON_DEMAND", (string?)start.SelectToken("Properties.Type"));
        Assert.Null(start.SelectToken("Properties.Schedule"));
    }

    [Fact]
    public void Workflow_runs_derived_jobs_once_every_table_job_succeeded()
    {
        var derived = Trigger(Scheduled.Value, "p-dev-d-derived");
        Assert.Equal("CONDITIONAL", (string?)derived.SelectToken("Properties.Type"));
        Assert.Equal(["d-a", "d-b"], SucceededJobs(derived));
        Assert.Equal(["d-derived"], JobActions(derived));
    }

    [Fact]
    public void Workflow_crawls_once_every_derived_job_succeeded()
    {
        var crawl = Trigger(Scheduled.Value, "p-dev-d-crawl");
        Assert.Equal(["d-derived"], SucceededJobs(crawl));
        Assert.Equal("p-dev-d-crawler", (string?)crawl.SelectToken("Properties.Actions[0].CrawlerName"));
    }

    [Fact]
    public void Workflow_without_derived_tables_crawls_once_every_table_job_succeeded()
    {
        Assert.Equal(["d-a", "d-b"], SucceededJobs(Trigger(OnDemandWithoutDerived.Value, "p-dev-d-crawl")));
        OnDemandWithoutDerived.Value.Template.ResourceCountIs("AWS::Glue::Trigger", 2);
    }

    [Fact]
    public void Event_driven_workflow_batches_staging_uploads_within_the_window()
    {
        var start = Trigger(EventDriven.Value, "p-dev-d-start");
        Assert.Equal("EVENT", (string?)start.SelectToken("Properties.Type"));
        Assert.Equal(600, (int)start.SelectToken("Properties.EventBatchingCondition.BatchWindow")!);
    }

    [Fact]
    public void Event_driven_workflow_listens_to_objects_created_under_staging_and_keeps_its_schedule()
    {
        var rules = EventDriven.Value.OfType("AWS::Events::Rule").Select(r => r.Resource).ToList();
        var upload = rules.Single(r => r.SelectToken("Properties.EventPattern") is not null);
        Assert.Equal("Object Created", (string?)upload.SelectToken("Properties.EventPattern['detail-type'][0]"));
        Assert.Equal("p-dev-d-staging", (string?)upload.SelectToken("Properties.EventPattern.detail.bucket.name[0]"));
        Assert.Equal("staging/", (string?)upload.SelectToken("Properties.EventPattern.detail.object.key[0].prefix"));
        Assert.Equal("cron(0 3 * * ? *)", (string?)rules.Single(r => r != upload).SelectToken("Properties.ScheduleExpression"));
    }

    [Fact]
    public void Event_role_may_only_notify_its_own_workflow()
    {
        var statement = EventDriven.Value.IamStatements().Single();
        Assert.Equal(["glue:notifyEvent"], TemplateJson.Strings(statement["Action"]));
        Assert.Contains(":workflow/p-dev-d\"", TemplateJson.Strings(statement["Resource"]).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Workflow_refuses_more_nodes_than_glue_allows()
    {
        var stack = TestStack.Create();
        var tables = Enumerable.Range(0, 50).Select(i => $"t{i}").ToArray();
        var derived = Enumerable.Range(0, 48).Select(i => $"d{i}").ToArray();
        var error = Assert.Throws<ArgumentException>(() => new EtlWorkflow(stack, "Workflow", Props(stack, null, derived, false) with { TableJobs = tables }));
        Assert.Equal("The workflow would have 102 nodes; Glue allows 100, so split the dataset. (Parameter 'props')", error.Message);
    }

    [Fact]
    public void Workflow_refuses_to_start_more_jobs_at_once_than_a_glue_trigger_allows()
    {
        var stack = TestStack.Create();
        var tables = Enumerable.Range(0, 51).Select(i => $"t{i}").ToArray();
        var error = Assert.Throws<ArgumentException>(() => new EtlWorkflow(stack, "Workflow", Props(stack, null, [], false) with { TableJobs = tables }));
        Assert.Equal("A trigger would start 51 jobs; Glue allows 50, so run several tables per job. (Parameter 'props')", error.Message);
    }

    [Fact]
    public void Workflow_refuses_a_batch_window_longer_than_the_900_seconds_glue_allows()
    {
        var stack = TestStack.Create();
        var error = Assert.Throws<ArgumentException>(() => new EtlWorkflow(stack, "Workflow", Props(stack, null, [], true) with { BatchWindow = Amazon.CDK.Duration.Minutes(16) }));
        Assert.Equal("BatchWindow is 960 seconds; Glue allows 1 to 900. (Parameter 'props')", error.Message);
    }

    [Fact]
    public void Workflow_without_a_crawler_ends_with_its_jobs_so_a_scheduled_crawler_never_overlaps_it()
    {
        var stack = TestStack.Create();
        _ = new EtlWorkflow(stack, "Workflow", Props(stack, null, [], false) with { CrawlerName = null });
        var template = new TemplateJson(Template.FromStack(stack));
        Assert.DoesNotContain(template.OfType("AWS::Glue::Trigger"), t => t.Resource.SelectToken("Properties.Actions[*].CrawlerName") is not null);
        template.Template.ResourceCountIs("AWS::Glue::Trigger", 1);
    }
}
