using DataPipeline.Tests.Kit;
using DataPipeline.Tests.Stacks;

namespace DataPipeline.Tests.Spec;

[Collection(CdkCollection.Name)]
public sealed class CloudFormationSpecTests(ShippedStacksFixture fixture) : IClassFixture<ShippedStacksFixture>
{
    [Fact]
    public void Every_resource_of_the_dev_and_prod_templates_matches_the_cloudformation_specification()
    {
        var templates = fixture.Stacks.ToDictionary(s => s.Stack.StackName, s => s.Template.Json.ToString());
        Assert.Contains(fixture.Stacks, s => s.Stack.Plan.Environment.Name == "dev");
        Assert.Contains(fixture.Stacks, s => s.Stack.Plan.Environment.Name == "prod");

        var (exitCode, problems) = CloudFormationSpec.Check(templates);

        Assert.Empty(problems);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void The_check_reports_unknown_types_unknown_and_missing_properties_and_wrong_value_types()
    {
        const string broken = """
            {"Resources": {
              "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketNam": "x", "VersioningConfiguration": {"Status": ["Enabled"]}}},
              "Job": {"Type": "AWS::Glue::Job", "Properties": {"Command": {"Name": "glueetl"}, "Timeout": "sixty", "NumberOfWorkers": {"Ref": "Workers"}}},
              "Odd": {"Type": "AWS::S3::Buckett", "Properties": {}},
              "Meta": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2"}}
            }}
            """;

        var (exitCode, problems) = CloudFormationSpec.Check(new Dictionary<string, string> { ["broken"] = broken });

        Assert.Equal(
            [
                "broken.template.json: Logs (AWS::S3::Bucket): Properties.BucketNam is not a property of this type",
                "broken.template.json: Logs (AWS::S3::Bucket): Properties.VersioningConfiguration.Status expects text, got a list",
                "broken.template.json: Job (AWS::Glue::Job): Properties.Timeout expects a whole number, got string \"sixty\"",
                "broken.template.json: Job (AWS::Glue::Job): Properties.Role is required but missing",
                "broken.template.json: Odd (AWS::S3::Buckett): is not a resource type of CloudFormation",
            ],
            problems);
        Assert.Equal(1, exitCode);
    }
}
