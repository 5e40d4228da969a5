using Amazon.CDK;
using Amazon.CDK.Assertions;
using DataPipeline.Stacks;
using DataPipeline.Tests.Config;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Stacks;

/// <summary>The account-level settings a platform team may turn on; both are off by default.</summary>
[Collection(CdkCollection.Name)]
public sealed class AccountSettingsTests
{
    private static TemplateJson Prod(string settings)
    {
        using var files = new ConfigFiles();
        files.Change("pipeline.prod.yaml", "datasets:\n  sales: {}", settings + "datasets:\n  sales: {}");
        return new TemplateJson(Template.FromStack(PipelineApp.Build(new App(), files.Load(), "prod").Single()));
    }

    private static string DatasetKeyId(TemplateJson template) =>
        template.OfType("AWS::KMS::Key").Single(k => !k.Id.Contains("Alerts", StringComparison.Ordinal)).Id;

    [Fact]
    public void By_default_the_catalog_is_left_alone_and_alerts_use_the_dataset_key()
    {
        var template = Prod("");
        template.Template.ResourceCountIs("AWS::Glue::DataCatalogEncryptionSettings", 0);
        Assert.Single(template.OfType("AWS::KMS::Key"));
        Assert.Equal(DatasetKeyId(template), (string?)template.Single("AWS::SNS::Topic").SelectToken("Properties.KmsMasterKeyId['Fn::GetAtt'][0]"));
    }

    [Fact]
    public void Glue_catalog_encryption_encrypts_the_catalog_and_connection_passwords_with_the_dataset_key()
    {
        var template = Prod("glue_catalog_encryption: true\n");
        var settings = template.Single("AWS::Glue::DataCatalogEncryptionSettings")["Properties"]!;
        Assert.Equal("123456789012", (string?)settings["CatalogId"]);
        Assert.Equal("SSE-KMS", (string?)settings.SelectToken("DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode"));
        var keyId = DatasetKeyId(template);
        Assert.Equal(keyId, (string?)settings.SelectToken("DataCatalogEncryptionSettings.EncryptionAtRest.SseAwsKmsKeyId['Fn::GetAtt'][0]"));
        Assert.True((bool)settings.SelectToken("DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted")!);
        Assert.Equal(keyId, (string?)settings.SelectToken("DataCatalogEncryptionSettings.ConnectionPasswordEncryption.KmsKeyId['Fn::GetAtt'][0]"));
    }

    [Fact]
    public void A_dedicated_alerts_key_encrypts_the_topic_and_the_dataset_key_no_longer_grants_eventbridge()
    {
        var template = Prod("alerts:\n  dedicated_key: true\n");
        var keys = template.OfType("AWS::KMS::Key");
        Assert.Equal(2, keys.Count);
        var alertsKey = keys.Single(k => k.Id.Contains("Alerts", StringComparison.Ordinal));
        Assert.Equal(alertsKey.Id, (string?)template.Single("AWS::SNS::Topic").SelectToken("Properties.KmsMasterKeyId['Fn::GetAtt'][0]"));
        Assert.Equal("Retain", (string?)alertsKey.Resource["DeletionPolicy"]);
        var datasetKey = keys.Single(k => k.Id == DatasetKeyId(template)).Resource;
        Assert.DoesNotContain(datasetKey.SelectTokens("Properties.KeyPolicy.Statement[*]"), s => (string?)s["Sid"] == "AllowAlertPublishers");
    }
}
