using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.KMS;
using DataPipeline.Components.DataLake;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Components;

[Collection(CdkCollection.Name)]
public sealed class DataLakeTests(DataLakeFixture fixture) : IClassFixture<DataLakeFixture>
{
    private const string Bucket = "AWS::S3::Bucket";
    private readonly TemplateJson _template = fixture.Retained;

    private IEnumerable<JObject> Buckets => _template.OfType(Bucket).Select(b => b.Resource);

    private JObject BucketNamed(string suffix) =>
        Buckets.Single(b => ((string)b.SelectToken("Properties.BucketName")!).EndsWith(suffix, StringComparison.Ordinal));

    [Fact]
    public void DataLake_creates_staging_warehouse_results_and_access_log_buckets()
    {
        _template.Template.ResourceCountIs(Bucket, 4);
        Assert.Equal(
            ["p-dev-d-logs-123456789012", "p-dev-d-results-123456789012", "p-dev-d-staging-123456789012", "p-dev-d-warehouse-123456789012"],
            Buckets.Select(b => (string)b.SelectToken("Properties.BucketName")!).Order().ToArray());
    }

    [Fact]
    public void DataLake_encrypts_every_data_bucket_with_its_key_and_a_bucket_key()
    {
        var keyId = _template.OfType("AWS::KMS::Key").Single().Id;
        foreach (var bucket in new[] { "-staging-123456789012", "-warehouse-123456789012", "-results-123456789012" }.Select(BucketNamed))
        {
            var rule = bucket.SelectToken("Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]")!;
            Assert.Equal("aws:kms", (string?)rule.SelectToken("ServerSideEncryptionByDefault.SSEAlgorithm"));
            Assert.Equal(keyId, (string?)rule.SelectToken("ServerSideEncryptionByDefault.KMSMasterKeyID['Fn::GetAtt'][0]"));
            Assert.True((bool)rule["BucketKeyEnabled"]!);
        }
    }

    [Fact]
    public void DataLake_encrypts_the_access_log_bucket_with_s3_managed_keys_because_s3_logging_cannot_write_to_kms_buckets()
    {
        var rule = BucketNamed("-logs-123456789012").SelectToken("Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]")!;
        Assert.Equal("AES256", (string?)rule.SelectToken("ServerSideEncryptionByDefault.SSEAlgorithm"));
    }

    [Fact]
    public void DataLake_lets_s3_log_delivery_write_the_access_logs_of_its_own_buckets_and_account_only()
    {
        var logBucketId = _template.OfType(Bucket).Single(b => ((string)b.Resource.SelectToken("Properties.BucketName")!).EndsWith("-logs-123456789012", StringComparison.Ordinal)).Id;
        var policy = _template.OfType("AWS::S3::BucketPolicy").Single(p => (string?)p.Resource.SelectToken("Properties.Bucket.Ref") == logBucketId).Resource;
        var statement = policy.SelectTokens("Properties.PolicyDocument.Statement[*]").Single(s => (string?)s.SelectToken("Principal.Service") == "logging.s3.amazonaws.com");
        Assert.Equal("Allow", (string?)statement["Effect"]);
        Assert.Equal("s3:PutObject", (string?)statement["Action"]);
        Assert.Equal("123456789012", (string?)statement.SelectToken("Condition.StringEquals['aws:SourceAccount']"));
        var sources = TemplateJson.Strings(statement.SelectToken("Condition.ArnLike['aws:SourceArn']"));
        var dataBuckets = _template.OfType(Bucket).Where(b => b.Id != logBucketId).Select(b => b.Id).Order();
        Assert.Equal(dataBuckets, sources.Select(s => Newtonsoft.Json.Linq.JToken.Parse(s).SelectToken("['Fn::GetAtt'][0]")!.ToString()).Order());
    }

    [Fact]
    public void DataLake_blocks_public_access_on_every_bucket()
    {
        foreach (var bucket in Buckets)
        {
            var block = bucket.SelectToken("Properties.PublicAccessBlockConfiguration")!;
            Assert.All(new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" },
                flag => Assert.True((bool?)block[flag] == true, $"{flag} is not true"));
        }
    }

    [Fact]
    public void DataLake_enforces_bucket_owner_ownership_on_every_bucket()
    {
        foreach (var bucket in Buckets)
        {
            Assert.Equal("BucketOwnerEnforced", (string?)bucket.SelectToken("Properties.OwnershipControls.Rules[0].ObjectOwnership"));
        }
    }

    [Fact]
    public void DataLake_denies_requests_without_tls_on_every_bucket_and_its_objects()
    {
        var policies = _template.OfType("AWS::S3::BucketPolicy").Select(p => p.Resource).ToList();
        foreach (var (id, _) in _template.OfType(Bucket))
        {
            var policy = policies.Single(p => (string?)p.SelectToken("Properties.Bucket.Ref") == id);
            var deny = policy.SelectTokens("Properties.PolicyDocument.Statement[*]")
                .Single(s => (string?)s["Effect"] == "Deny" && s.SelectToken("Condition.Bool['aws:SecureTransport']") is not null);
            Assert.Equal("false", (string?)deny.SelectToken("Condition.Bool['aws:SecureTransport']"));
            Assert.Equal("s3:*", (string?)deny["Action"]);
            Assert.Equal("*", (string?)deny.SelectToken("Principal.AWS"));
            var resources = deny["Resource"]!.ToString(Newtonsoft.Json.Formatting.None);
            Assert.Contains($"\"Fn::GetAtt\":[\"{id}\",\"Arn\"]", resources, StringComparison.Ordinal);
            Assert.Contains("/*", resources, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DataLake_logs_access_to_every_data_bucket_in_the_access_log_bucket()
    {
        var logsId = _template.OfType(Bucket).Single(b => ((string)b.Resource.SelectToken("Properties.BucketName")!).Contains("-logs-", StringComparison.Ordinal)).Id;
        foreach (var bucket in Buckets.Where(b => (string?)b.SelectToken("Properties.LoggingConfiguration.DestinationBucketName.Ref") != null))
        {
            Assert.Equal(logsId, (string?)bucket.SelectToken("Properties.LoggingConfiguration.DestinationBucketName.Ref"));
        }
        Assert.Equal(3, Buckets.Count(b => b.SelectToken("Properties.LoggingConfiguration") is not null));
    }

    [Fact]
    public void DataLake_versions_the_staging_bucket_only()
    {
        Assert.Equal("Enabled", (string?)BucketNamed("-staging-123456789012").SelectToken("Properties.VersioningConfiguration.Status"));
        Assert.Equal(1, Buckets.Count(b => b.SelectToken("Properties.VersioningConfiguration") is not null));
    }

    [Fact]
    public void DataLake_aborts_incomplete_uploads_after_one_day_on_every_bucket()
    {
        foreach (var bucket in Buckets)
        {
            var days = bucket.SelectTokens("Properties.LifecycleConfiguration.Rules[*].AbortIncompleteMultipartUpload.DaysAfterInitiation").Select(d => (int)d).ToList();
            Assert.Equal([1], days);
        }
    }

    [Fact]
    public void DataLake_tiers_expires_and_drops_old_versions_of_staging_files_after_the_configured_days()
    {
        _template.Template.HasResourceProperties(Bucket, Match.ObjectLike(new Dictionary<string, object>
        {
            ["BucketName"] = "p-dev-d-staging-123456789012",
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["ExpirationInDays"] = 400,
                        ["NoncurrentVersionExpiration"] = new Dictionary<string, object> { ["NoncurrentDays"] = 11 },
                        ["Transitions"] = new object[]
                        {
                            new Dictionary<string, object> { ["StorageClass"] = "STANDARD_IA", ["TransitionInDays"] = 31 },
                            new Dictionary<string, object> { ["StorageClass"] = "GLACIER", ["TransitionInDays"] = 95 },
                        },
                    }),
                },
            },
        }));
    }

    [Fact]
    public void DataLake_expires_athena_results_and_access_logs_after_the_configured_days()
    {
        Assert.Equal(4, (int)BucketNamed("-results-123456789012").SelectToken("Properties.LifecycleConfiguration.Rules[0].ExpirationInDays")!);
        Assert.Equal(60, (int)BucketNamed("-logs-123456789012").SelectToken("Properties.LifecycleConfiguration.Rules[0].ExpirationInDays")!);
    }

    [Fact]
    public void DataLake_expires_quarantined_rows_but_never_warehouse_tables()
    {
        var rules = BucketNamed("-warehouse-123456789012").SelectTokens("Properties.LifecycleConfiguration.Rules[*]").ToList();
        var expiring = rules.Where(r => r["ExpirationInDays"] is not null).Select(r => (string?)r["Prefix"]).ToList();
        Assert.Equal(["quarantine/", "_metrics/"], expiring);
    }

    [Fact]
    public void DataLake_rotates_its_key_and_names_it_with_the_alias()
    {
        _template.Template.HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object> { ["EnableKeyRotation"] = true }));
        _template.Template.HasResourceProperties("AWS::KMS::Alias", Match.ObjectLike(new Dictionary<string, object> { ["AliasName"] = "alias/p-dev-d" }));
    }

    [Fact]
    public void DataLake_key_policy_has_no_statement_for_every_principal()
    {
        var statements = _template.Single("AWS::KMS::Key").SelectTokens("Properties.KeyPolicy.Statement[*]").ToList();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.False(IsEveryone(s["Principal"]) || IsEveryone(s.SelectToken("Principal.AWS")), s.ToString()));
    }

    private static bool IsEveryone(JToken? principal) => principal is JValue { Type: JTokenType.String } value && (string?)value == "*";

    [Fact]
    public void DataLake_retains_every_bucket_and_the_key_by_default()
    {
        foreach (var (_, resource) in _template.OfType(Bucket).Concat(_template.OfType("AWS::KMS::Key")))
        {
            Assert.Equal("Retain", (string?)resource["DeletionPolicy"]);
            Assert.Equal("Retain", (string?)resource["UpdateReplacePolicy"]);
        }
        _template.Template.ResourceCountIs("Custom::S3AutoDeleteObjects", 0);
        _template.Template.HasResource("AWS::KMS::Key", Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = "Retain", ["UpdateReplacePolicy"] = "Retain" }));
    }

    [Fact]
    public void DataLake_deletes_and_empties_every_bucket_when_destroy_is_asked()
    {
        var destroyed = fixture.Destroyed;
        foreach (var (_, resource) in destroyed.OfType(Bucket).Concat(destroyed.OfType("AWS::KMS::Key")))
        {
            Assert.Equal("Delete", (string?)resource["DeletionPolicy"]);
        }
        destroyed.Template.ResourceCountIs("Custom::S3AutoDeleteObjects", 4);
    }

    [Fact]
    public void DataLake_uses_a_given_key_instead_of_creating_one()
    {
        var stack = TestStack.Create();
        var key = new Key(stack, "Shared", new KeyProps { EnableKeyRotation = true });
        var lake = new DataLake(stack, "DataLake", DataLakeFixture.Props(destroy: false) with { EncryptionKey = key });
        Assert.Same(key, lake.Key);
        Template.FromStack(stack).ResourceCountIs("AWS::KMS::Key", 1);
    }
}
