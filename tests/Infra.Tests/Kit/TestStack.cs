using Amazon.CDK;

namespace DataPipeline.Tests.Kit;

/// <summary>An empty stack in a fixed account and region, for testing one construct at a time.</summary>
public static class TestStack
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    public static Stack Create(string name = "Test") =>
        new(new App(), name, new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });
}
