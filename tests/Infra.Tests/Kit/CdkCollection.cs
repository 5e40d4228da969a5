namespace DataPipeline.Tests.Kit;

/// <summary>CDK tests share one jsii runtime, which is not safe to drive from parallel test classes.</summary>
[CollectionDefinition(Name)]
public sealed class CdkCollection
{
    public const string Name = "CDK";
}
