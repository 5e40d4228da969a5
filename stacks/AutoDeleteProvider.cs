using Amazon.CDK;
using Constructs;

namespace DataPipeline.Stacks;

/// <summary>
/// CDK empties buckets on stack deletion with a Lambda whose role carries the AWS managed policy
/// AWSLambdaBasicExecutionRole. We allow no managed policies, so that role gets an inline policy that writes only to
/// the log groups of this stack's functions instead.
/// </summary>
internal static class AutoDeleteProvider
{
    private const string ProviderId = "Custom::S3AutoDeleteObjectsCustomResourceProvider";

    public static void ReplaceManagedPolicy(Stack stack)
    {
        if (stack.Node.TryFindChild(ProviderId)?.Node.TryFindChild("Role") is not CfnResource role)
        {
            throw new InvalidOperationException("The S3 auto-delete provider was not found; create the buckets before calling this.");
        }
        var logGroups = $"arn:{stack.Partition}:logs:{stack.Region}:{stack.Account}:log-group:/aws/lambda/{stack.StackName}-*";
        role.AddPropertyDeletionOverride("ManagedPolicyArns");
        role.AddPropertyOverride("Policies", new[]
        {
            new Dictionary<string, object>
            {
                ["PolicyName"] = "WriteOwnLogs",
                ["PolicyDocument"] = new Dictionary<string, object>
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["Effect"] = "Allow",
                            ["Action"] = new[] { "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents" },
                            ["Resource"] = new[] { logGroups, logGroups + ":*" },
                        },
                    },
                },
            },
        });
    }
}
