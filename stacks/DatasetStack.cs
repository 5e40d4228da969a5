using Amazon.CDK;
using Constructs;
using DataPipeline.Config.Model;

namespace DataPipeline.Stacks;

/// <summary>One dataset in one environment: its data lake, catalog, analytics workspace and ETL.</summary>
public sealed class DatasetStack : Stack
{
    public DatasetStack(Construct scope, DatasetPlan plan)
        : base(scope, plan.Names.Stack, new StackProps
        {
            StackName = plan.Names.Stack,
            Env = new Amazon.CDK.Environment { Account = plan.Environment.Account, Region = plan.Environment.Region },
            TerminationProtection = plan.Environment.Production,
            Description = $"Data pipeline '{plan.Pipeline.Project}', dataset '{plan.Dataset.Name}', environment '{plan.Environment.Name}'.",
        })
    {
        Plan = plan;
    }

    public DatasetPlan Plan { get; }
}
