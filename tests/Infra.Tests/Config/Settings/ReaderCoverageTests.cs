using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Config.Reading;
using DataPipeline.Config.Settings;
using YamlDotNet.RepresentationModel;

namespace DataPipeline.Tests.Config.Settings;

/// <summary>The readers read every key the settings describe, and nothing else: a file with every key has no unknown key.</summary>
public sealed class ReaderCoverageTests
{
    private static (YamlSection Root, Diagnostics Diagnostics) Parse(string yaml, SettingGroup group, string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var diagnostics = new Diagnostics();
        return (new YamlSection(file, "", group, (YamlMappingNode)stream.Documents[0].RootNode, diagnostics), diagnostics);
    }

    [Fact]
    public void Environment_reader_reads_every_described_key()
    {
        var (root, diagnostics) = Parse(CompleteDocument.Of(EnvironmentFileSettings.File), EnvironmentFileSettings.File, "pipeline.dev.yaml");
        new EnvironmentFileReader().Read(root, new EnvironmentDeclaration { Name = "dev" });
        Assert.DoesNotContain(diagnostics.Errors, e => e.Message.Contains("not a known setting", StringComparison.Ordinal));
    }

    [Fact]
    public void Pipeline_reader_reads_every_described_key()
    {
        var (root, diagnostics) = Parse(CompleteDocument.Of(PipelineFileSettings.File), PipelineFileSettings.File, "pipeline.yaml");
        new PipelineFileReader().Read(root, Path.GetTempPath());
        Assert.DoesNotContain(diagnostics.Errors, e => e.Message.Contains("not a known setting", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reader_that_skips_a_described_key_is_refused()
    {
        var (root, _) = Parse("retention: { athena_results_days: 3 }\n", EnvironmentFileSettings.File, "pipeline.dev.yaml");
        root.Read(EnvironmentFileSettings.Retention);
        var error = Assert.Throws<InvalidOperationException>(root.Done);
        Assert.StartsWith("The reader of 'pipeline.<env>.yaml: where and how big the pipeline runs.' never reads account, region,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_documents_satisfy_the_schemas()
    {
        foreach (var (group, schema) in new[] { (EnvironmentFileSettings.File, SchemaDocument.EnvironmentFile), (PipelineFileSettings.File, SchemaDocument.PipelineFile) })
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(CompleteDocument.Of(group)));
            var json = Kit.YamlAsJson.Convert(stream.Documents[0].RootNode);
            var results = Json.Schema.JsonSchema.FromText(schema).Evaluate(json, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
            Assert.True(results.IsValid, string.Join("\n", results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        }
    }
}
