using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using DataPipeline.Components.JobLogs;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class JobLogsTests
{
    private static TemplateJson Synthesize(params string[] versions)
    {
        var stack = TestStack.Create();
        _ = new JobLogs(stack, "Logs", new JobLogsProps
        {
            LogGroupName = "/aws-glue/p-dev-d/etl",
            SecurityConfigurationName = "p-dev-d",
            GlueVersions = versions,
            RetentionDays = 14,
            EncryptionKey = new Key(stack, "Key", new KeyProps { EnableKeyRotation = true }),
        });
        return new TemplateJson(Template.FromStack(stack));
    }

    private static string[] Names(TemplateJson template) =>
        template.OfType("AWS::Logs::LogGroup").Select(l => (string)l.Resource.SelectToken("Properties.LogGroupName")!).Order().ToArray();

    [Fact]
    public void Glue_4_jobs_get_the_group_named_after_the_security_configuration_that_encrypts_their_continuous_logs()
    {
        Assert.Equal(["/aws-glue/p-dev-d/etl-p-dev-d"], Names(Synthesize("4.0", "4.0")));
    }

    [Fact]
    public void Glue_5_jobs_get_the_error_and_output_groups_under_their_prefix()
    {
        Assert.Equal(["/aws-glue/p-dev-d/etl/error", "/aws-glue/p-dev-d/etl/output"], Names(Synthesize("5.0")));
    }

    [Fact]
    public void Every_group_keeps_logs_for_the_retention_and_is_encrypted_with_the_key()
    {
        var template = Synthesize("4.0", "5.0");
        var keyId = template.OfType("AWS::KMS::Key").Single().Id;
        Assert.Equal(3, template.OfType("AWS::Logs::LogGroup").Count);
        Assert.All(template.OfType("AWS::Logs::LogGroup"), l =>
        {
            Assert.Equal(14, (int)l.Resource.SelectToken("Properties.RetentionInDays")!);
            Assert.Equal(keyId, (string?)l.Resource.SelectToken("Properties.KmsKeyId['Fn::GetAtt'][0]"));
        });
    }

    [Fact]
    public void A_glue_version_without_known_logging_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => JobLogs.GroupsWritten("/g", "s", "3.0"));
        Assert.Equal("GlueVersion is '3.0'; jobs log as Glue 4.0 or 5.0 only. (Parameter 'glueVersion')", error.Message);
    }
}
