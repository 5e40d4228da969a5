using System.Text.Json.Nodes;
using DataPipeline.Preview;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Preview;

/// <summary>The CDK's diff library through preview/template-diff.js, on small templates written here.</summary>
public sealed class TemplateDifferTests : IDisposable
{
    private const string Stack = "acme-dev-sales";
    private readonly TemporaryFolder _folder = new();

    private static JsonObject Bucket(string name, string path) => new()
    {
        ["Type"] = "AWS::S3::Bucket",
        ["Properties"] = new JsonObject { ["BucketName"] = name },
        ["Metadata"] = new JsonObject { ["aws:cdk:path"] = $"{Stack}/{path}/Resource" },
    };

    private string CdkOut(string side, JsonObject resources)
    {
        var folder = Path.Combine(_folder.Path, side);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Stack + ".template.json"), new JsonObject { ["Resources"] = resources }.ToJsonString());
        return folder;
    }

    private async Task<StackDiff> DiffAsync(JsonObject before, JsonObject after) =>
        (await TemplateDiffer.DiffAsync(CdkOut("base", before), CdkOut("head", after), Path.Combine(Kit.RepoRoot.Path, "node_modules"), _folder.Path, CancellationToken.None)).Single();

    [Fact]
    public async Task A_bucket_whose_name_changes_is_replaced_and_destructive()
    {
        var diff = await DiffAsync(new JsonObject { ["Lake"] = Bucket("old-name", "Lake") }, new JsonObject { ["Lake"] = Bucket("new-name", "Lake") });

        var bucket = Assert.Single(diff.Resources);
        Assert.Equal((ResourceChangeKind.Modified, ResourceChange.WillReplace, "Lake"), (bucket.Kind, bucket.Impact, bucket.Label));
        Assert.True(bucket.IsDestructive);
    }

    [Fact]
    public async Task A_renamed_construct_with_the_same_bucket_name_is_one_replaced_resource()
    {
        var diff = await DiffAsync(new JsonObject { ["OldId"] = Bucket("data", "Lake/Warehouse") }, new JsonObject { ["NewId"] = Bucket("data", "Lake/WarehouseBucket") });

        var bucket = Assert.Single(diff.Resources);
        Assert.Equal(("Lake/WarehouseBucket", "Lake/Warehouse"), (bucket.Label, bucket.RenamedFrom?.Label));
        Assert.True(bucket.Replaces);
    }

    [Fact]
    public async Task A_role_whose_policy_changes_touches_iam_and_lists_the_added_statement()
    {
        static JsonObject Role(string action) => new()
        {
            ["Type"] = "AWS::IAM::Role",
            ["Properties"] = new JsonObject
            {
                ["AssumeRolePolicyDocument"] = JsonNode.Parse("""{"Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                ["Policies"] = JsonNode.Parse($$$"""[{"PolicyName":"p","PolicyDocument":{"Statement":[{"Effect":"Allow","Action":"{{{action}}}","Resource":"arn:aws:s3:::data/*"}]}}]"""),
            },
        };

        var diff = await DiffAsync(new JsonObject { ["JobRole"] = Role("s3:GetObject") }, new JsonObject { ["JobRole"] = Role("s3:PutObject") });

        Assert.True(Assert.Single(diff.Resources).TouchesIam);
        Assert.Equal([("added", "s3:PutObject"), ("removed", "s3:GetObject")], diff.IamStatements.Select(s => (s.Change, s.Action)));
    }

    public void Dispose() => _folder.Dispose();
}
