using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataPipeline.Stacks;

/// <summary>
/// The limits a synthesized template must meet to deploy, measured on the template itself: resources per stack and
/// template bytes (CloudFormation), characters of a role's inline policies (IAM, counted as IAM resolves them, without
/// whitespace) and characters of an event pattern (EventBridge). Each problem names the number and what to do.
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
/// </summary>
public static class TemplateLimits
{
    public const int MaxResources = 500;
    public const int MaxTemplateBytes = 1_048_576;
    public const int MaxRolePolicyCharacters = 10_240;
    public const int MaxEventPatternCharacters = 2_048;

    /// <summary>Stands in for a value only known at deploy time (an ARN or id); longer than any ARN of this stack.</summary>
    private const int UnknownValueLength = 100;

    public static IReadOnlyList<string> Check(string stackName, string templateJson)
    {
        var template = JsonNode.Parse(templateJson)!.AsObject();
        var resources = template["Resources"]?.AsObject() ?? [];
        var problems = new List<string>();
        var bytes = System.Text.Encoding.UTF8.GetByteCount(templateJson);
        if (bytes > MaxTemplateBytes)
        {
            problems.Add($"{stackName}: the template is {N(bytes)} bytes; CloudFormation accepts at most {N(MaxTemplateBytes)} (1 MB), so split the dataset into smaller ones.");
        }
        if (resources.Count > MaxResources)
        {
            problems.Add($"{stackName}: the template has {N(resources.Count)} resources; CloudFormation allows {MaxResources} per stack, so split the dataset into smaller ones or raise etl.tables_per_job.");
        }
        foreach (var (id, resource) in resources)
        {
            var type = resource?["Type"] is JsonValue t && t.TryGetValue<string>(out var typeName) ? typeName : null;
            if (type == "AWS::IAM::Role")
            {
                var characters = (resource!["Properties"]?["Policies"]?.AsArray() ?? [])
                    .Sum(p => Resolved(p?["PolicyDocument"], resources).Length);
                if (characters > MaxRolePolicyCharacters)
                {
                    var name = resource["Properties"]?["RoleName"] is JsonValue n && n.TryGetValue<string>(out var roleName) ? roleName : id;
                    problems.Add($"{stackName}: role {name} has {N(characters)} characters of inline policy; IAM allows {N(MaxRolePolicyCharacters)} per role, so lower etl.tables_per_job or split the dataset.");
                }
            }
            if (type == "AWS::Events::Rule" && resource!["Properties"]?["EventPattern"] is { } pattern)
            {
                var characters = Resolved(pattern, resources).Length;
                if (characters > MaxEventPatternCharacters)
                {
                    problems.Add($"{stackName}: rule {id} has an event pattern of {N(characters)} characters; EventBridge allows {N(MaxEventPatternCharacters)}, so raise etl.tables_per_job (fewer jobs to match) or split the dataset.");
                }
            }
        }
        return problems;
    }

    /// <summary>The JSON as the service stores it: intrinsic functions replaced by what they resolve to, no whitespace.</summary>
    private static string Resolved(JsonNode? node, JsonObject resources) => Resolve(node, resources)?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "";

    private static JsonNode? Resolve(JsonNode? node, JsonObject resources) => node switch
    {
        JsonObject o when o.Count == 1 && o.ContainsKey("Fn::Join") => JsonValue.Create(Join(o["Fn::Join"]!.AsArray(), resources)),
        JsonObject o when o.Count == 1 && (o.ContainsKey("Ref") || o.ContainsKey("Fn::GetAtt") || o.ContainsKey("Fn::Sub")) => JsonValue.Create(Value(o, resources)),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, resources)))),
        JsonArray a => new JsonArray(a.Select(i => Resolve(i, resources)).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Join(JsonArray join, JsonObject resources)
    {
        var separator = (string?)join[0] ?? "";
        return string.Join(separator, join[1]!.AsArray().Select(part => Resolve(part, resources) is JsonValue v && v.TryGetValue<string>(out var s) ? s : new string('x', UnknownValueLength)));
    }

    /// <summary>A named bucket's name and ARN are known before deploy; anything else gets the length of a long ARN.</summary>
    private static string Value(JsonObject intrinsic, JsonObject resources)
    {
        var (id, attribute) = intrinsic.ContainsKey("Ref")
            ? ((string?)intrinsic["Ref"], "Ref")
            : intrinsic["Fn::GetAtt"] is JsonArray getAtt ? ((string?)getAtt[0], (string?)getAtt[1]) : (null, null);
        var resource = id is null ? null : resources[id];
        if (resource?["Properties"]?["BucketName"] is JsonValue name && name.TryGetValue<string>(out var bucketName)
            && resource["Type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && typeName == "AWS::S3::Bucket")
        {
            return attribute == "Arn" ? "arn:aws:s3:::" + bucketName : bucketName;
        }
        return new string('x', UnknownValueLength);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
