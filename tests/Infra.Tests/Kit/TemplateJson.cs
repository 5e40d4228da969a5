using Amazon.CDK.Assertions;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Kit;

/// <summary>
/// A synthesized template as JSON, for rules that must hold on every resource of a type: HasResourceProperties passes
/// when just one resource matches, so these helpers loop over all of them.
/// </summary>
public sealed class TemplateJson(Template template)
{
    public Template Template { get; } = template;

    public JObject Json { get; } = JObject.FromObject(template.ToJSON());

    public JObject Resources => (JObject)Json["Resources"]!;

    public IReadOnlyList<(string Id, JObject Resource)> OfType(string type) =>
        Resources.Properties()
            .Where(p => (string?)p.Value["Type"] == type)
            .Select(p => (p.Name, (JObject)p.Value))
            .ToList();

    public JObject Single(string type) => OfType(type) switch
    {
        [var only] => only.Resource,
        var all => throw new InvalidOperationException($"Expected one {type}, found {all.Count}."),
    };

    /// <summary>Every statement of every IAM policy document in the template: roles' inline policies and policy resources.</summary>
    public IEnumerable<JObject> IamStatements() =>
        OfType("AWS::IAM::Role").SelectMany(r => r.Resource.SelectTokens("Properties.Policies[*].PolicyDocument.Statement[*]"))
            .Concat(OfType("AWS::IAM::Policy").SelectMany(r => r.Resource.SelectTokens("Properties.PolicyDocument.Statement[*]")))
            .Cast<JObject>();

    public static IReadOnlyList<string> Strings(JToken? token) => token switch
    {
        null => [],
        JArray array => array.Select(t => t.Type == JTokenType.String ? (string)t! : t.ToString(Newtonsoft.Json.Formatting.None)).ToList(),
        { Type: JTokenType.String } => [(string)token!],
        _ => [token.ToString(Newtonsoft.Json.Formatting.None)],
    };
}
