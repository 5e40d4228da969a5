using Amazon.CDK.AWS.IAM;

namespace DataPipeline.Components.Shared;

/// <summary>
/// Builds IAM policy documents as plain data in one call. Each .NET-to-CDK call crosses into the jsii runtime, so a
/// document built statement by statement would make large environments slow to synthesize.
/// </summary>
internal static class PolicyJson
{
    public static Dictionary<string, object> Allow(string[] actions, string[] resources, Dictionary<string, object>? condition = null)
    {
        var statement = new Dictionary<string, object>
        {
            ["Effect"] = "Allow",
            ["Action"] = actions,
            ["Resource"] = resources,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }
        return statement;
    }

    /// <summary>Limits s3:ListBucket to these prefixes (each folder and what is below it).</summary>
    public static Dictionary<string, object> PrefixCondition(IEnumerable<string> prefixes) => new()
    {
        ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = prefixes.SelectMany(p => new[] { p, p + "*" }).ToArray() },
    };

    public static PolicyDocument Document(params Dictionary<string, object>[] statements) =>
        PolicyDocument.FromJson(new Dictionary<string, object>
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = statements,
        });
}
