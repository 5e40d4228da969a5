using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Glue;
using Amazon.CDK.AWS.IAM;
using Constructs;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;
using DataPipeline.Components.Shared;

namespace DataPipeline.Components.EtlWorkflow;

/// <summary>
/// The run order of a dataset as a Glue workflow: a start trigger (schedule, on demand, or files landing in
/// staging), the table jobs in parallel, then the derived jobs once all succeeded, then the crawler.
/// Follows https://docs.aws.amazon.com/glue/latest/dg/workflows_overview.html
/// </summary>
public sealed class EtlWorkflow : Construct
{
    /// <summary>A Glue workflow holds at most this many jobs, crawlers and triggers.</summary>
    public const int MaxNodes = 100;
    /// <summary>A Glue trigger starts at most this many jobs.</summary>
    public const int MaxJobsPerTrigger = 50;

    /// <summary>The longest batch window of an event trigger Glue accepts, in seconds.</summary>
    public const int MaxBatchWindowSeconds = 900;

    public EtlWorkflow(Construct scope, string id, EtlWorkflowProps props)
        : base(scope, id)
    {
        BatchWindowSeconds = (int)(props.BatchWindow ?? Duration.Minutes(Config.Settings.EnvironmentFileSettings.BatchWindowMinutes.DefaultValue)).ToSeconds();
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-glue-trigger-eventbatchingcondition.html
        if (BatchWindowSeconds is < 1 or > MaxBatchWindowSeconds)
        {
            throw new ArgumentException($"BatchWindow is {BatchWindowSeconds} seconds; Glue allows 1 to {MaxBatchWindowSeconds}.", nameof(props));
        }
        if (props.TableJobs.Count == 0)
        {
            throw new ArgumentException("TableJobs must name at least one job; a workflow needs something to start.", nameof(props));
        }
        if (props.TableJobs.Count > MaxJobsPerTrigger || props.DerivedJobs.Count > MaxJobsPerTrigger)
        {
            throw new ArgumentException($"A trigger would start {Math.Max(props.TableJobs.Count, props.DerivedJobs.Count)} jobs; Glue allows {MaxJobsPerTrigger}, so run several tables per job.", nameof(props));
        }
        var nodes = NodeCount(props.TableJobs.Count, props.DerivedJobs.Count, props.CrawlerName is not null);
        if (nodes > MaxNodes)
        {
            throw new ArgumentException($"The workflow would have {nodes} nodes; Glue allows {MaxNodes}, so split the dataset.", nameof(props));
        }
        WorkflowName = props.WorkflowName;
        Workflow = new CfnWorkflow(this, "Workflow", new CfnWorkflowProps
        {
            Name = props.WorkflowName,
            Description = "Cleans the staging tables, builds the derived tables, then crawls the warehouse.",
            MaxConcurrentRuns = 1,
        });
        StartTrigger = new CfnTrigger(this, "StartTrigger", StartTriggerProps(props));
        Triggers.Add(StartTrigger);
        var finalStage = props.TableJobs;
        if (props.DerivedJobs.Count > 0)
        {
            Triggers.Add(AfterAll("DerivedTrigger", "derived", props.TableJobs, props.DerivedJobs.Select(j => new CfnTrigger.ActionProperty { JobName = j }), props));
            finalStage = props.DerivedJobs;
        }
        if (props.CrawlerName is not null)
        {
            Triggers.Add(AfterAll("CrawlerTrigger", "crawl", finalStage, [new CfnTrigger.ActionProperty { CrawlerName = props.CrawlerName }], props));
        }
        FinalJobs = finalStage;
        if (props.StartOnStagingUploads is not null)
        {
            StartOnUploads(props.StartOnStagingUploads, props);
        }
    }

    public string WorkflowName { get; }
    /// <summary>How long the event trigger gathers landed files into one run.</summary>
    public int BatchWindowSeconds { get; }
    public CfnWorkflow Workflow { get; }
    public CfnTrigger StartTrigger { get; }
    public List<CfnTrigger> Triggers { get; } = [];
    /// <summary>The jobs whose success means a run of the dataset succeeded.</summary>
    public IReadOnlyList<string> FinalJobs { get; }
    public CfnRule? UploadRule { get; private set; }
    public CfnRule? ScheduleRule { get; private set; }

    public static int NodeCount(int tables, int derived, bool crawls) =>
        tables + derived + 1 /* start */ + (derived > 0 ? 1 : 0) + (crawls ? 2 /* crawler, its trigger */ : 0);

    private string WorkflowArn => $"arn:{Stack.Of(this).Partition}:glue:{Stack.Of(this).Region}:{Stack.Of(this).Account}:workflow/{WorkflowName}";

    private CfnTriggerProps StartTriggerProps(EtlWorkflowProps props)
    {
        var actions = props.TableJobs.Select(j => new CfnTrigger.ActionProperty { JobName = j }).ToArray();
        var name = $"{props.WorkflowName}-start";
        if (props.StartOnStagingUploads is not null)
        {
            return new CfnTriggerProps
            {
                Name = name,
                WorkflowName = Workflow.Ref,
                Type = "EVENT",
                Actions = actions,
                EventBatchingCondition = new CfnTrigger.EventBatchingConditionProperty
                {
                    BatchSize = 100,
                    BatchWindow = BatchWindowSeconds,
                },
            };
        }
        return new CfnTriggerProps
        {
            Name = name,
            WorkflowName = Workflow.Ref,
            Type = props.ScheduleCron is null ? "ON_DEMAND" : "SCHEDULED",
            Schedule = props.ScheduleCron,
            StartOnCreation = props.ScheduleCron is null ? null : true,
            Actions = actions,
        };
    }

    private CfnTrigger AfterAll(string id, string suffix, IReadOnlyList<string> jobs, IEnumerable<CfnTrigger.ActionProperty> actions, EtlWorkflowProps props) =>
        new(this, id, new CfnTriggerProps
        {
            Name = $"{props.WorkflowName}-{suffix}",
            WorkflowName = Workflow.Ref,
            Type = "CONDITIONAL",
            StartOnCreation = true,
            Predicate = new CfnTrigger.PredicateProperty
            {
                Logical = "AND",
                Conditions = jobs.Select(j => new CfnTrigger.ConditionProperty { LogicalOperator = "EQUALS", JobName = j, State = "SUCCEEDED" }).ToArray(),
            },
            Actions = actions.ToArray(),
        });

    /// <summary>S3 "Object Created" events under staging/ (and the schedule, if any) notify the workflow's event trigger.</summary>
    private void StartOnUploads(Amazon.CDK.AWS.S3.IBucket staging, EtlWorkflowProps props)
    {
        var role = new Role(this, "EventsRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
            Description = $"Lets EventBridge start the Glue workflow {props.WorkflowName}.",
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["NotifyWorkflow"] = PolicyJson.Document(PolicyJson.Allow(["glue:notifyEvent"], [WorkflowArn])),
            },
        });
        var target = new CfnRule.TargetProperty { Id = "Workflow", Arn = WorkflowArn, RoleArn = role.RoleArn };
        UploadRule = new CfnRule(this, "UploadRule", new CfnRuleProps
        {
            Description = $"Files landing in staging start {props.WorkflowName}.",
            EventPattern = new Dictionary<string, object>
            {
                ["source"] = new[] { "aws.s3" },
                ["detail-type"] = new[] { "Object Created" },
                ["detail"] = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { staging.BucketName } },
                    ["object"] = new Dictionary<string, object> { ["key"] = new object[] { new Dictionary<string, object> { ["prefix"] = DataLake.DataLake.StagingPrefix } } },
                },
            },
            Targets = new[] { target },
        });
        if (props.ScheduleCron is not null)
        {
            ScheduleRule = new CfnRule(this, "ScheduleRule", new CfnRuleProps
            {
                Description = $"Starts {props.WorkflowName} on its schedule as well.",
                ScheduleExpression = props.ScheduleCron,
                Targets = new[] { target },
            });
        }
    }
}
