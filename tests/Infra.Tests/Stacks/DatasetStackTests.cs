using DataPipeline.Compiler;
using DataPipeline.Stacks;
using DataPipeline.Tests.Kit;
using Newtonsoft.Json.Linq;

namespace DataPipeline.Tests.Stacks;

[Collection(CdkCollection.Name)]
public sealed class DatasetStackTests(ShippedStacksFixture fixture) : IClassFixture<ShippedStacksFixture>
{
    private static readonly string[] DataResourceTypes = ["AWS::S3::Bucket", "AWS::KMS::Key"];

    [Fact]
    public void Every_environment_gets_one_stack_per_dataset_it_lists()
    {
        var expected = fixture.Config.Environments
            .SelectMany(e => e.Datasets.Select(d => $"{fixture.Config.Pipeline.Project}-{e.Name}-{d.Name.Replace('_', '-')}"))
            .Order().ToArray();
        Assert.Equal(expected, fixture.Stacks.Select(s => s.Stack.StackName).Order().ToArray());
        Assert.Contains("datapipe-prod-spotify", expected);
    }

    [Fact]
    public void Production_stacks_are_protected_from_termination_and_others_are_not()
    {
        Assert.All(fixture.Stacks, s => Assert.Equal(s.Stack.Plan.Environment.Production, s.Stack.TerminationProtection));
    }

    [Fact]
    public void Production_stacks_retain_every_bucket_and_key()
    {
        foreach (var (_, template) in fixture.In("prod"))
        {
            var data = DataResourceTypes.SelectMany(template.OfType).ToList();
            Assert.Equal(5, data.Count);
            Assert.All(data, r => Assert.Equal("Retain", (string?)r.Resource["DeletionPolicy"]));
            template.Template.ResourceCountIs("Custom::S3AutoDeleteObjects", 0);
        }
    }

    [Fact]
    public void Dev_stacks_delete_and_empty_their_buckets_because_dev_yaml_says_destroy()
    {
        foreach (var (_, template) in fixture.In("dev"))
        {
            Assert.All(DataResourceTypes.SelectMany(template.OfType), r => Assert.Equal("Delete", (string?)r.Resource["DeletionPolicy"]));
            template.Template.ResourceCountIs("Custom::S3AutoDeleteObjects", 4);
        }
    }

    /// <summary>
    /// When AWS blocks creating functions on each Node.js runtime (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html).
    /// A runtime missing here fails the test until its date is looked up.
    /// </summary>
    private static readonly Dictionary<string, DateOnly> NodeRuntimeCreateBlocked = new()
    {
        ["nodejs18.x"] = new(2025, 9, 1),
        ["nodejs20.x"] = new(2027, 2, 1),
        ["nodejs22.x"] = new(2027, 4, 30),
        ["nodejs24.x"] = new(2028, 4, 30),
    };

    [Fact]
    public void Every_lambda_runs_a_runtime_aws_has_not_deprecated_nor_plans_to_within_a_year()
    {
        var functions = fixture.Stacks.SelectMany(s => s.Template.OfType("AWS::Lambda::Function")).ToList();
        Assert.NotEmpty(functions);
        var horizon = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1);
        Assert.All(functions, f =>
        {
            var runtime = (string)f.Resource.SelectToken("Properties.Runtime")!;
            Assert.True(NodeRuntimeCreateBlocked.TryGetValue(runtime, out var blocked), $"{f.Id} runs {runtime}, whose deprecation date is not known here.");
            Assert.True(blocked > horizon, $"{f.Id} runs {runtime}; AWS blocks creating such functions from {blocked:yyyy-MM-dd}.");
        });
    }

    [Fact]
    public void The_crawler_runs_either_on_its_own_schedule_or_after_the_workflows_jobs_never_both()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var scheduled = template.Single("AWS::Glue::Crawler").SelectToken("Properties.Schedule") is not null;
            var crawledByWorkflow = template.OfType("AWS::Glue::Trigger").Any(t => t.Resource.SelectToken("Properties.Actions[*].CrawlerName") is not null);
            Assert.NotEqual(scheduled, crawledByWorkflow);
            Assert.Equal(stack.Plan.Crawler.AfterEtl, crawledByWorkflow);
        }
    }

    [Fact]
    public void Every_job_and_workflow_runs_one_run_at_a_time()
    {
        foreach (var (_, template) in fixture.Stacks)
        {
            Assert.All(template.OfType("AWS::Glue::Job"), j => Assert.Equal(1, (int)j.Resource.SelectToken("Properties.ExecutionProperty.MaxConcurrentRuns")!));
            Assert.Equal(1, (int)template.Single("AWS::Glue::Workflow").SelectToken("Properties.MaxConcurrentRuns")!);
        }
    }

    [Fact]
    public void No_role_uses_an_aws_managed_policy()
    {
        foreach (var (_, template) in fixture.Stacks)
        {
            var roles = template.OfType("AWS::IAM::Role");
            Assert.NotEmpty(roles);
            Assert.All(roles, r => Assert.Null(r.Resource.SelectToken("Properties.ManagedPolicyArns")));
        }
    }

    [Fact]
    public void No_iam_statement_allows_every_action_or_data_access_on_every_resource()
    {
        foreach (var (_, template) in fixture.Stacks)
        {
            var statements = template.IamStatements().ToList();
            Assert.NotEmpty(statements);
            foreach (var statement in statements)
            {
                var actions = TemplateJson.Strings(statement["Action"]);
                Assert.DoesNotContain("*", actions);
                var dataAccess = actions.Any(a => a.StartsWith("s3:", StringComparison.Ordinal) || a.StartsWith("glue:", StringComparison.Ordinal) || a.StartsWith("kms:", StringComparison.Ordinal));
                Assert.False(dataAccess && TemplateJson.Strings(statement["Resource"]).Contains("*"), statement.ToString());
            }
        }
    }

    [Fact]
    public void Stacks_neither_export_nor_import_values_so_each_dataset_deploys_alone()
    {
        foreach (var (_, template) in fixture.Stacks)
        {
            var json = template.Json.ToString();
            Assert.DoesNotContain("Fn::ImportValue", json, StringComparison.Ordinal);
            Assert.All(((JObject?)template.Json["Outputs"])?.Properties() ?? [], o => Assert.Null(o.Value["Export"]));
        }
    }

    [Fact]
    public void Stacks_output_bucket_database_workgroup_and_crawler_names()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var outputs = (JObject)template.Json["Outputs"]!;
            Assert.Equal(stack.Plan.Names.StagingBucket, (string?)outputs.SelectToken("StagingBucketName.Value"));
            Assert.Equal(stack.Plan.Names.WarehouseBucket, (string?)outputs.SelectToken("WarehouseBucketName.Value"));
            Assert.Equal(stack.Plan.Names.Database, (string?)outputs.SelectToken("DatabaseName.Value"));
            Assert.Equal(stack.Plan.Names.Workgroup, (string?)outputs.SelectToken("WorkgroupName.Value"));
            Assert.Equal(stack.Plan.Names.Crawler, (string?)outputs.SelectToken("CrawlerName.Value"));
        }
    }

    [Fact]
    public void Every_bucket_carries_the_environment_tags_from_yaml()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            Assert.NotEmpty(stack.Plan.Environment.Tags);
            foreach (var (_, bucket) in template.OfType("AWS::S3::Bucket"))
            {
                var tags = bucket.SelectTokens("Properties.Tags[*]").ToDictionary(t => (string)t["Key"]!, t => (string)t["Value"]!);
                Assert.All(stack.Plan.Environment.Tags, tag => Assert.Equal(tag.Value, tags.GetValueOrDefault(tag.Key)));
                Assert.Equal(stack.Plan.Dataset.Name, tags["pipeline:dataset"]);
            }
        }
    }

    [Fact]
    public void Every_listed_query_is_saved_with_its_placeholders_filled()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var queries = template.OfType("AWS::Athena::NamedQuery").Select(q => q.Resource).ToList();
            Assert.Equal(stack.Plan.Dataset.Queries.Select(q => q.Name).Order(), queries.Select(q => (string)q.SelectToken("Properties.Name")!).Order());
            Assert.All(queries, q =>
            {
                var sql = (string)q.SelectToken("Properties.QueryString")!;
                Assert.DoesNotContain("{{", sql, StringComparison.Ordinal);
                Assert.Contains($"\"{stack.Plan.Names.Database}\".\"tbl_", sql, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void QuickSight_is_wired_only_where_the_environment_enables_it()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var enabled = stack.Plan.Environment.QuickSight.Enabled;
            template.Template.ResourceCountIs("AWS::QuickSight::DataSource", enabled ? 1 : 0);
            var queryDataSets = stack.Plan.Dataset.Dashboards.SelectMany(d => d.Sheets.SelectMany(sh => sh.Visuals).Select(v => (v.Query, d.ImportMode))).Distinct().Count();
            template.Template.ResourceCountIs("AWS::QuickSight::DataSet", enabled ? stack.Plan.Dataset.Tables.Count + stack.Plan.Dataset.Derived.Count + queryDataSets : 0);
        }
        Assert.Contains(fixture.Stacks, s => s.Stack.Plan.Environment.QuickSight.Enabled);
    }

    [Fact]
    public void The_log_groups_glue_writes_for_each_job_exist_in_the_stack_with_the_retention_and_the_key()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var groups = template.OfType("AWS::Logs::LogGroup").ToDictionary(l => (string)l.Resource.SelectToken("Properties.LogGroupName")!, l => l.Resource);
            foreach (var (_, job) in template.OfType("AWS::Glue::Job"))
            {
                var properties = job["Properties"]!;
                var version = (string)properties["GlueVersion"]!;
                var given = (string?)properties.SelectToken(version == "4.0" ? "DefaultArguments['--continuous-log-logGroup']" : "DefaultArguments['--custom-logGroup-prefix']");
                Assert.NotNull(given);
                var written = DataPipeline.Components.JobLogs.JobLogs.GroupsWritten(given, (string)properties["SecurityConfiguration"]!, version);
                Assert.All(written, name =>
                {
                    Assert.True(groups.ContainsKey(name), $"Glue writes {name}, which the stack does not create.");
                    Assert.Equal(stack.Plan.Environment.Retention.LogRetentionDays, (int)groups[name].SelectToken("Properties.RetentionInDays")!);
                    Assert.NotNull(groups[name].SelectToken("Properties.KmsKeyId"));
                });
            }
        }
    }

    [Fact]
    public void Every_log_group_has_the_environments_retention_and_a_kms_key()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var logGroups = template.OfType("AWS::Logs::LogGroup");
            Assert.NotEmpty(logGroups);
            Assert.All(logGroups, l =>
            {
                Assert.Equal(stack.Plan.Environment.Retention.LogRetentionDays, (int)l.Resource.SelectToken("Properties.RetentionInDays")!);
                Assert.NotNull(l.Resource.SelectToken("Properties.KmsKeyId"));
            });
        }
    }

    [Fact]
    public void Every_stack_stays_well_inside_cloudformation_limits()
    {
        foreach (var (_, template) in fixture.Stacks)
        {
            Assert.InRange(((JObject)template.Json["Resources"]!).Count, 1, 199);
            Assert.InRange(template.Json.ToString(Newtonsoft.Json.Formatting.None).Length, 1, 400_000);
        }
    }

    private static IReadOnlyList<TransformPlan> PlansOf(DatasetStack stack, string jobName) =>
        System.Text.Json.JsonSerializer.Deserialize<List<System.Text.Json.JsonElement>>(File.ReadAllText(stack.Etl.PlanFiles[jobName]))!
            .Select(p => TransformPlan.FromJson(p.GetRawText())).ToList();

    [Fact]
    public void Every_cleaned_and_derived_table_gets_a_glue_job_whose_plans_asset_holds_its_compiled_spark_plan()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var jobs = template.OfType("AWS::Glue::Job").ToDictionary(j => (string)j.Resource.SelectToken("Properties.Name")!, j => j.Resource);
            var dataset = stack.Plan.Dataset;
            Assert.Equal(dataset.Tables.Count + dataset.Derived.Count, jobs.Count);
            foreach (var table in dataset.Tables)
            {
                var name = stack.Plan.Names.Job(table.Name);
                Assert.Null(jobs[name].SelectToken("Properties.DefaultArguments['--plan']"));
                Assert.Equal([TransformCompiler.Compile(table, SqlDialect.Spark).ToJson()], PlansOf(stack, name).Select(p => p.ToJson()));
            }
            foreach (var derived in dataset.Derived)
            {
                Assert.Equal(derived.DependsOn, PlansOf(stack, stack.Plan.Names.Job(derived.Name)).Single().Inputs.Select(i => i.Table));
            }
        }
    }

    [Fact]
    public void Every_job_fetches_the_plans_asset_it_was_given_from_the_asset_bucket()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            foreach (var job in stack.Etl.TableJobs.Concat(stack.Etl.DerivedJobs))
            {
                var resource = template.OfType("AWS::Glue::Job").Single(j => (string?)j.Resource.SelectToken("Properties.Name") == job.JobName).Resource;
                var planPath = resource.SelectToken("Properties.DefaultArguments['--plan_path']")!.ToString(Newtonsoft.Json.Formatting.None);
                Assert.Contains($"/{job.Plans.AssetHash}.json", planPath, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_glue_job_writes_parquet_with_the_codec_its_table_names_in_pipeline_yaml()
    {
        foreach (var (stack, _) in fixture.Stacks)
        {
            var dataset = stack.Plan.Dataset;
            foreach (var plan in stack.Etl.PlanFiles.Keys.SelectMany(job => PlansOf(stack, job)))
            {
                var codec = dataset.Tables.FirstOrDefault(t => t.Name == plan.Table)?.Compression ?? dataset.Derived.Single(d => d.Name == plan.Table).Compression;
                Assert.All(plan.Outputs.Where(o => o.Format == OutputFormat.Parquet), o => Assert.Equal(TransformCompiler.CodecName(codec), o.Compression));
            }
        }
    }

    [Fact]
    public void Every_job_and_the_crawler_name_the_datasets_security_configuration()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var expected = stack.Plan.Names.SecurityConfiguration;
            Assert.All(template.OfType("AWS::Glue::Job"), j => Assert.Equal(expected, (string?)j.Resource.SelectToken("Properties.SecurityConfiguration")));
            Assert.Equal(expected, (string?)template.Single("AWS::Glue::Crawler").SelectToken("Properties.CrawlerSecurityConfiguration"));
        }
    }

    [Fact]
    public void Every_job_sets_timeout_retries_version_worker_type_and_continuous_logging()
    {
        foreach (var (_, template) in fixture.Stacks)
        {
            Assert.All(template.OfType("AWS::Glue::Job"), j =>
            {
                var properties = j.Resource["Properties"]!;
                Assert.NotNull(properties["Timeout"]);
                Assert.NotNull(properties["MaxRetries"]);
                Assert.NotNull(properties["GlueVersion"]);
                Assert.NotNull(properties["WorkerType"]);
                var logGroup = (string?)properties.SelectToken("DefaultArguments['--continuous-log-logGroup']") ?? (string?)properties.SelectToken("DefaultArguments['--custom-logGroup-prefix']");
                Assert.NotNull(logGroup);
            });
        }
    }

    /// <summary>Every Glue job of every shipped stack with the settings the layout gave it and its resource.</summary>
    private IEnumerable<(DataPipeline.Config.EtlJobGroup Job, JObject Resource)> Jobs() =>
        fixture.Stacks.SelectMany(s => DataPipeline.Config.EtlJobLayout.TableJobs(s.Stack.Plan).Concat(DataPipeline.Config.EtlJobLayout.DerivedJobs(s.Stack.Plan))
            .Select(job => (job, s.Template.OfType("AWS::Glue::Job").Single(r => (string?)r.Resource.SelectToken("Properties.Name") == job.JobName).Resource)));

    [Fact]
    public void Every_workflow_starts_as_its_environment_yaml_says()
    {
        foreach (var (stack, template) in fixture.Stacks)
        {
            var etl = stack.Plan.Etl;
            var start = template.OfType("AWS::Glue::Trigger").Single(t => ((string)t.Resource.SelectToken("Properties.Name")!).EndsWith("-start", StringComparison.Ordinal)).Resource;
            Assert.Equal(etl.EventDriven ? "EVENT" : etl.Schedule.IsOnDemand ? "ON_DEMAND" : "SCHEDULED", (string?)start.SelectToken("Properties.Type"));
            var staging = template.OfType("AWS::S3::Bucket").Single(b => ((string)b.Resource.SelectToken("Properties.BucketName")!).Contains("-staging-", StringComparison.Ordinal)).Resource;
            Assert.Equal(etl.EventDriven, (bool?)staging.SelectToken("Properties.NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled") ?? false);
        }
    }

    [Fact]
    public void Every_job_runs_with_flex_exactly_when_its_settings_say_so()
    {
        Assert.All(Jobs(), j => Assert.Equal(j.Job.Settings.Flex ? "FLEX" : "STANDARD", (string?)j.Resource.SelectToken("Properties.ExecutionClass")));
    }

    [Fact]
    public void Every_job_gets_the_workers_its_settings_ask_for_table_overrides_included()
    {
        Assert.All(Jobs(), j => Assert.Equal(j.Job.Settings.Workers, (int)j.Resource.SelectToken("Properties.NumberOfWorkers")!));
    }
}
