using Amazon.CDK;
using Amazon.CDK.Assertions;
using DataPipeline.Components.JobLogs;
using DataPipeline.Stacks;
using DataPipeline.Tests.Config;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Stacks;

/// <summary>A dataset whose jobs run on both Glue versions: each job's logs land in groups the stack owns.</summary>
[Collection(CdkCollection.Name)]
public sealed class GlueLoggingStackTests
{
    private static readonly Lazy<TemplateJson> MixedVersions = new(() =>
    {
        using var files = new ConfigFiles();
        files.Change("pipeline.yaml", "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n",
            "      - { name: daily_total, sql: sql/sales/daily_total.sql }\n    derived:\n      - { name: totals, sql: etl/sales/totals.sql, depends_on: [orders] }\n");
        files.Files["etl/sales/totals.sql"] = "SELECT ordered_on, SUM(amount) AS amount FROM orders GROUP BY ordered_on\n";
        files.Change("pipeline.prod.yaml", "datasets:\n  sales: {}", "etl:\n  tables:\n    totals: { glue_version: \"5.0\" }\ndatasets:\n  sales: {}");
        return new TemplateJson(Template.FromStack(PipelineApp.Build(new App(), files.Load(), "prod").Single()));
    });

    [Fact]
    public void Each_glue_version_gets_its_own_logging_arguments_and_the_groups_it_writes()
    {
        var template = MixedVersions.Value;
        var groups = template.OfType("AWS::Logs::LogGroup").Select(l => (string)l.Resource.SelectToken("Properties.LogGroupName")!).ToHashSet();
        var jobs = template.OfType("AWS::Glue::Job").Select(j => j.Resource["Properties"]!).ToList();
        Assert.Equal(["4.0", "5.0"], jobs.Select(j => (string)j["GlueVersion"]!).Order());
        foreach (var job in jobs)
        {
            var version = (string)job["GlueVersion"]!;
            var given = (string?)job.SelectToken(version == "4.0" ? "DefaultArguments['--continuous-log-logGroup']" : "DefaultArguments['--custom-logGroup-prefix']");
            Assert.Equal("/aws-glue/acme-prod-sales/etl", given);
            Assert.All(JobLogs.GroupsWritten(given!, (string)job["SecurityConfiguration"]!, version), name => Assert.Contains(name, groups));
        }
        Assert.Contains("/aws-glue/acme-prod-sales/etl-acme-prod-sales", groups);
        Assert.Contains("/aws-glue/acme-prod-sales/etl/error", groups);
        Assert.Contains("/aws-glue/acme-prod-sales/etl/output", groups);
    }
}
