using Amazon.CDK;
using Amazon.CDK.Assertions;
using DataPipeline.Stacks;
using DataPipeline.Tests.Kit;
using DataPipeline.Tests.Spec;

namespace DataPipeline.Tests.Stacks;

/// <summary>The dev and prod stacks (prod with QuickSight and uploads starting the workflow) of a 100-table dataset, synthesized once.</summary>
public sealed class HundredTableFixture : IDisposable
{
    private readonly Config.ConfigFiles _files = LargeDataset.Files(tables: 100, tablesPerJob: 10);

    public HundredTableFixture()
    {
        var config = _files.Load();
        Stacks = config.Environments.SelectMany(e => PipelineApp.Build(new App(), config, e.Name))
            .Select(s => (s, new TemplateJson(Template.FromStack(s))))
            .Select(t => (t.s, t.Item2, t.Item2.Json.ToString(Newtonsoft.Json.Formatting.Indented)))
            .ToList();
    }

    public IReadOnlyList<(DatasetStack Stack, TemplateJson Template, string Text)> Stacks { get; }

    public void Dispose() => _files.Dispose();
}

[Collection(CdkCollection.Name)]
public sealed class HundredTableDatasetTests(HundredTableFixture fixture) : IClassFixture<HundredTableFixture>
{
    [Fact]
    public void A_100_table_dataset_synthesizes_within_every_cloudformation_iam_and_eventbridge_limit()
    {
        Assert.Equal(2, fixture.Stacks.Count);
        foreach (var (stack, template, text) in fixture.Stacks)
        {
            Assert.Equal(100, stack.Plan.Dataset.Tables.Count);
            Assert.Empty(TemplateLimits.Check(stack.StackName, text));
            Assert.InRange(template.Resources.Count, 1, TemplateLimits.MaxResources);
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(text), 1, TemplateLimits.MaxTemplateBytes);
        }
    }

    [Fact]
    public void A_100_table_dataset_stays_within_glues_trigger_and_workflow_limits()
    {
        foreach (var (_, template, _) in fixture.Stacks)
        {
            var triggers = template.OfType("AWS::Glue::Trigger");
            Assert.All(triggers, t => Assert.InRange(t.Resource.SelectTokens("Properties.Actions[*]").Count(), 1, 50));
            var nodes = template.OfType("AWS::Glue::Job").Count + triggers.Count + template.OfType("AWS::Glue::Crawler").Count;
            Assert.InRange(nodes, 1, 100);
            Assert.Equal(11, template.OfType("AWS::Glue::Job").Count);
        }
    }

    [Fact]
    public void Every_table_of_a_100_table_dataset_is_written_by_exactly_one_job_of_the_workflow()
    {
        foreach (var (stack, _, _) in fixture.Stacks)
        {
            var written = stack.Etl.TableJobs.Concat(stack.Etl.DerivedJobs).SelectMany(j => j.Tables).Order().ToList();
            Assert.Equal(stack.Plan.Dataset.AllTableNames.Order(), written);
        }
    }

    [Fact]
    public void A_100_table_dataset_matches_the_cloudformation_specification()
    {
        var (exitCode, problems) = CloudFormationSpec.Check(fixture.Stacks.ToDictionary(s => s.Stack.StackName, s => s.Text));
        Assert.Empty(problems);
        Assert.Equal(0, exitCode);
    }
}
