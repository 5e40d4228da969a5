using DataPipeline.Cli;
using DataPipeline.Tests.Config;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Cli;

[Collection(CdkCollection.Name)]
public sealed class SynthCommandTests : IDisposable
{
    private readonly ConfigFiles _files = new();
    private readonly string _outDirectory = Directory.CreateTempSubdirectory("cdk-out-").FullName;

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_outDirectory, recursive: true);
    }

    private int Synth(string environment)
    {
        _files.Write();
        return CommandLine.Run(["synth", "--config-dir", _files.Directory, "--env", environment, "--out", _outDirectory]);
    }

    private string[] Templates() => Directory.GetFiles(_outDirectory, "*.template.json").Select(Path.GetFileName).OfType<string>().ToArray();

    [Fact]
    public void Synth_writes_one_template_per_dataset_of_the_environment()
    {
        Assert.Equal(0, Synth("prod"));
        Assert.Equal(["acme-prod-sales.template.json"], Templates());
    }

    [Fact]
    public void Synth_of_a_broken_config_fails_and_writes_no_template()
    {
        _files.Change("pipeline.prod.yaml", "removal_policy: retain", "removal_policy: destroy");
        Assert.Equal(1, Synth("prod"));
        Assert.Empty(Templates());
    }

    [Fact]
    public void Synth_of_an_environment_that_does_not_exist_fails_and_writes_no_template()
    {
        Assert.Equal(1, Synth("staging"));
        Assert.Empty(Templates());
    }

    [Fact]
    public void Synth_of_a_stack_beyond_a_cloudformation_limit_fails_naming_the_number_and_what_to_do()
    {
        var emails = string.Join(", ", Enumerable.Range(1, 480).Select(i => $"oncall{i}@example.com"));
        _files.Change("pipeline.prod.yaml", "datasets:\n  sales: {}", $"alerts:\n  emails: [{emails}]\ndatasets:\n  sales: {{}}");
        var errors = new StringWriter();
        var console = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.Equal(1, Synth("prod"));
        }
        finally
        {
            Console.SetError(console);
        }
        Assert.Contains(errors.ToString().Split('\n'), line => System.Text.RegularExpressions.Regex.IsMatch(line.TrimEnd(),
            @"^acme-prod-sales: the template has 5\d\d resources; CloudFormation allows 500 per stack, so split the dataset into smaller ones or raise etl.tables_per_job.$"));
    }
}
