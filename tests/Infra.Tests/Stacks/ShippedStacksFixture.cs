using Amazon.CDK;
using Amazon.CDK.Assertions;
using DataPipeline.Config;
using DataPipeline.Stacks;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Stacks;

/// <summary>Every (environment, dataset) stack of the shipped configuration, synthesized once.</summary>
public sealed class ShippedStacksFixture
{
    public ShippedStacksFixture()
    {
        Config = ConfigLoader.Load(RepoRoot.Path);
        Stacks = Config.Environments
            .SelectMany(environment => PipelineApp.Build(new App(), Config, environment.Name))
            .Select(stack => (stack, new TemplateJson(Template.FromStack(stack))))
            .ToList();
    }

    public LoadedConfig Config { get; }

    public IReadOnlyList<(DatasetStack Stack, TemplateJson Template)> Stacks { get; }

    public IEnumerable<(DatasetStack Stack, TemplateJson Template)> In(string environment) =>
        Stacks.Where(s => s.Stack.Plan.Environment.Name == environment);
}
