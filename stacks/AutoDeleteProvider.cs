using Amazon.CDK;
using Constructs;

namespace DataPipeline.Stacks;

/// <summary>
/// CDK empties buckets on stack deletion with a Lambda whose role carries the AWS managed policy
/// AWSLambdaBasicExecutionRole. We allow no managed policies, so that role gets an inline policy that writes only to
/// the log groups of this stack's functions instead. The pinned CDK version runs that Lambda on nodejs20.x, which AWS
/// deprecated, so it runs on <see cref="Runtime"/> instead (its handler uses only the AWS SDK v3 every Node.js runtime ships).
/// </summary>
internal static class AutoDeleteProvider
{
    /// <summary>The newest Node.js runtime of Lambda: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html</summary>
    public const string Runtime = "nodejs24.x";

    private const string ProviderId = "Custom::S3AutoDeleteObjectsCustomResourceProvider";

    public static void UseSupportedRuntime(Stack stack)
    {
        if (stack.Node.TryFindChild(ProviderId)?.Node.TryFindChild("Handler") is not CfnResource handler)
        {
            throw new InvalidOperationException("The S3 auto-delete provider was not found; create the buckets before calling this.");
        }
        handler.AddPropertyOverride("Runtime", Runtime);
    }

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
