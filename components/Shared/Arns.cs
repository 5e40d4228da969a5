using Amazon.CDK;

namespace DataPipeline.Components.Shared;

/// <summary>ARNs of resources that are referred to by name, built in the stack's own partition, region and account.</summary>
internal static class Arns
{
    public static string GlueCatalog(Stack stack) => Build(stack, "glue", "catalog");

    public static string GlueDatabase(Stack stack, string database) => Build(stack, "glue", $"database/{database}");

    public static string GlueTables(Stack stack, string database) => Build(stack, "glue", $"table/{database}/*");

    public static string AthenaWorkgroup(Stack stack, string workgroup) => Build(stack, "athena", $"workgroup/{workgroup}");

    public static string AthenaDataCatalog(Stack stack, string catalog) => Build(stack, "athena", $"datacatalog/{catalog}");

    public static string LogGroup(Stack stack, string name) => Build(stack, "logs", $"log-group:{name}");

    public static string LogStreams(Stack stack, string name) => Build(stack, "logs", $"log-group:{name}:*");

    public static string ObjectsUnder(Amazon.CDK.AWS.S3.IBucket bucket, string prefix) => $"{bucket.BucketArn}/{prefix}*";

    private static string Build(Stack stack, string service, string resource) =>
        $"arn:{stack.Partition}:{service}:{stack.Region}:{stack.Account}:{resource}";
}
