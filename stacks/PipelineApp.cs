using Amazon.CDK;
using DataPipeline.Config;

namespace DataPipeline.Stacks;

/// <summary>Adds one <see cref="DatasetStack"/> per dataset of an environment to a CDK app.</summary>
public static class PipelineApp
{
    public static IReadOnlyList<DatasetStack> Build(App app, LoadedConfig config, string environment) =>
        config.Plan(environment).Select(plan => new DatasetStack(app, plan)).ToList();
}
