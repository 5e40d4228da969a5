using System.Text.Json.Nodes;
using DataPipeline.Tests.Kit;
using Json.Schema;

namespace DataPipeline.Tests.Schema;

/// <summary>The JSON schemas editors use to complete and check the YAML files as the user types.</summary>
public sealed class SchemaTests
{
    private static JsonSchema Load(string name) => JsonSchema.FromFile(Path.Combine(RepoRoot.Path, "schema", name));

    private static EvaluationResults Evaluate(string schema, JsonNode? document) =>
        Load(schema).Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", results.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void Shipped_pipeline_yaml_satisfies_its_schema()
    {
        var results = Evaluate("pipeline.schema.json", YamlAsJson.Read(Path.Combine(RepoRoot.Path, "pipeline.yaml")));
        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("pipeline.dev.yaml")]
    [InlineData("pipeline.prod.yaml")]
    public void Shipped_environment_files_satisfy_their_schema(string file)
    {
        var results = Evaluate("pipeline.env.schema.json", YamlAsJson.Read(Path.Combine(RepoRoot.Path, file)));
        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Pipeline_schema_flags_a_misspelled_key()
    {
        var document = YamlAsJson.Read(Path.Combine(RepoRoot.Path, "pipeline.yaml"))!;
        var table = document["datasets"]![0]!["tables"]![0]!.AsObject();
        table["kye"] = table["key"]!.DeepClone();
        table.Remove("key");
        Assert.False(Evaluate("pipeline.schema.json", document).IsValid);
    }

    [Fact]
    public void Environment_schema_flags_a_worker_type_glue_does_not_offer()
    {
        var document = YamlAsJson.Read(Path.Combine(RepoRoot.Path, "pipeline.prod.yaml"))!;
        document["etl"]!["worker_type"] = "G.3X";
        Assert.False(Evaluate("pipeline.env.schema.json", document).IsValid);
    }
}
