using System.Text.Json.Nodes;
using DataPipeline.Stacks;

namespace DataPipeline.Tests.Stacks;

public sealed class TemplateLimitsTests
{
    private static string Template(params (string Id, JsonObject Resource)[] resources) =>
        new JsonObject { ["Resources"] = new JsonObject(resources.Select(r => KeyValuePair.Create(r.Id, (JsonNode?)r.Resource))) }.ToJsonString();

    private static JsonObject Topic() => new() { ["Type"] = "AWS::SNS::Topic", ["Properties"] = new JsonObject() };

    private static JsonObject Bucket(string name) => new() { ["Type"] = "AWS::S3::Bucket", ["Properties"] = new JsonObject { ["BucketName"] = name } };

    private static JsonObject RoleReading(int objects) => new()
    {
        ["Type"] = "AWS::IAM::Role",
        ["Properties"] = new JsonObject
        {
            ["RoleName"] = "acme-dev-sales-etl-01-tables",
            ["Policies"] = new JsonArray(new JsonObject
            {
                ["PolicyName"] = "Job",
                ["PolicyDocument"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(new JsonObject
                    {
                        ["Effect"] = "Allow",
                        ["Action"] = "s3:GetObject",
                        ["Resource"] = new JsonArray(Enumerable.Range(0, objects).Select(i => (JsonNode)new JsonObject
                        {
                            ["Fn::Join"] = new JsonArray("", new JsonArray(new JsonObject { ["Fn::GetAtt"] = new JsonArray("Warehouse", "Arn") }, $"/data-warehouse/t{i:000}/*")),
                        }).ToArray()),
                    }),
                },
            }),
        },
    };

    [Fact]
    public void A_template_within_every_limit_has_no_problem()
    {
        Assert.Empty(TemplateLimits.Check("acme-dev-sales", Template(("Warehouse", Bucket("acme-dev-sales-warehouse-123456789012")), ("Role", RoleReading(10)))));
    }

    [Fact]
    public void More_resources_than_cloudformation_allows_in_a_stack_are_refused()
    {
        var template = Template(Enumerable.Range(0, 501).Select(i => ($"Topic{i}", Topic())).ToArray());
        Assert.Equal(["acme-dev-sales: the template has 501 resources; CloudFormation allows 500 per stack, so split the dataset into smaller ones or raise etl.tables_per_job."],
            TemplateLimits.Check("acme-dev-sales", template));
    }

    [Fact]
    public void A_template_over_one_megabyte_is_refused()
    {
        var topic = Topic();
        topic["Properties"]!["DisplayName"] = new string('a', 1_048_600);
        var template = Template(("Topic", topic));
        var bytes = System.Text.Encoding.UTF8.GetByteCount(template);
        Assert.Equal([$"acme-dev-sales: the template is {bytes:N0} bytes; CloudFormation accepts at most 1,048,576 (1 MB), so split the dataset into smaller ones."],
            TemplateLimits.Check("acme-dev-sales", template));
    }

    [Fact]
    public void A_role_whose_inline_policies_exceed_iams_10240_characters_is_refused_counting_resolved_bucket_arns()
    {
        var template = Template(("Warehouse", Bucket("acme-dev-sales-warehouse-123456789012")), ("Role", RoleReading(150)));
        // 150 resources of "arn:aws:s3:::acme-dev-sales-warehouse-123456789012/data-warehouse/tNNN/*" (72 characters, 75 quoted with a comma) and 95 of the rest.
        Assert.Equal(["acme-dev-sales: role acme-dev-sales-etl-01-tables has 11,344 characters of inline policy; IAM allows 10,240 per role, so lower etl.tables_per_job or split the dataset."],
            TemplateLimits.Check("acme-dev-sales", template));
    }

    [Fact]
    public void An_event_pattern_over_eventbridges_2048_characters_is_refused()
    {
        var rule = new JsonObject
        {
            ["Type"] = "AWS::Events::Rule",
            ["Properties"] = new JsonObject
            {
                ["EventPattern"] = new JsonObject
                {
                    ["source"] = new JsonArray("aws.glue"),
                    ["detail"] = new JsonObject { ["jobName"] = new JsonArray(Enumerable.Range(0, 60).Select(i => (JsonNode)$"acme-dev-sales-table-number-{i:000}").ToArray()) },
                },
            },
        };
        var characters = rule["Properties"]!["EventPattern"]!.ToJsonString().Length;
        Assert.Equal([$"acme-dev-sales: rule SuccessRule has an event pattern of {characters:N0} characters; EventBridge allows 2,048, so raise etl.tables_per_job (fewer jobs to match) or split the dataset."],
            TemplateLimits.Check("acme-dev-sales", Template(("SuccessRule", rule))));
    }
}
