using System.Text.RegularExpressions;
using DataPipeline.Compiler.Internal;
using DataPipeline.Config.Model;
using DataPipeline.Config.Reading;
using DataPipeline.Config.Settings;

namespace DataPipeline.Config;

/// <summary>
/// The checks that span keys, files and AWS naming rules, run after reading so every error is reported in one pass.
/// </summary>
internal sealed partial class ConfigValidator(Diagnostics diagnostics)
{
    /// <summary>Worker types that need Glue 5.0; the others of the setting's choices run on every version.</summary>
    private static readonly HashSet<string> Glue5WorkerTypes = ["G.12X", "G.16X", "R.1X", "R.2X", "R.4X", "R.8X"];

    public void ValidatePipeline(PipelineConfig pipeline)
    {
        if (pipeline.Project.Length > 0 && !ProjectName().IsMatch(pipeline.Project))
        {
            Add(pipeline.Origin.Error("project", $"is '{pipeline.Project}'; use 2 to 20 lowercase letters, digits and '-', starting with a letter."));
        }
        CheckUnique(pipeline.Environments, e => e.Name, e => e.Origin, "environment");
        foreach (var environment in pipeline.Environments.Where(e => !EnvironmentName().IsMatch(e.Name)))
        {
            Add(environment.Origin.Error("name", $"is '{environment.Name}'; use 2 to 10 lowercase letters and digits, starting with a letter."));
        }
        CheckUnique(pipeline.Datasets, d => d.Name, d => d.Origin, "dataset");
        foreach (var dataset in pipeline.Datasets.DistinctBy(d => d.Name, StringComparer.OrdinalIgnoreCase))
        {
            ValidateDataset(pipeline, dataset);
        }
    }

    public void ValidateEnvironment(PipelineConfig pipeline, EnvironmentConfig environment)
    {
        var origin = environment.Origin;
        if (!AccountId().IsMatch(environment.Account))
        {
            Add(origin.Error("account", $"is '{environment.Account}'; an AWS account id is 12 digits, written in quotes (\"123456789012\")."));
        }
        if (!RegionName().IsMatch(environment.Region))
        {
            Add(origin.Error("region", $"is '{environment.Region}', which is not an AWS region name such as eu-west-1."));
        }
        if (environment.Production && environment.RemovalPolicy == RemovalChoice.Destroy)
        {
            Add(origin.Error("removal_policy", $"is destroy, but '{environment.Name}' is a production environment; production data is always retained, so use retain."));
        }
        if (environment.QuickSight.Enabled && environment.QuickSight.Principals.Count == 0)
        {
            Add(origin.Error("quicksight", "is enabled with no principals, so nobody could use its datasets; list user or group ARNs under principals, or set enabled: false."));
        }
        foreach (var (key, value) in environment.Tags)
        {
            if (key.Length is 0 or > 128 || value.Length > 256 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                Add(origin.Error("tags", $"has '{key}: {value}'; tag keys are 1 to 128 characters not starting with 'aws:', values at most 256."));
            }
        }
        if (environment.GlueCatalogEncryption && environment.Datasets.Count > 1)
        {
            Add(origin.Error("glue_catalog_encryption", $"is true, but an account and region have one Glue Data Catalog encryption setting and this environment deploys {environment.Datasets.Count} datasets, each with a key of its own; deploy one dataset here or turn it off."));
        }
        if (environment.Datasets.Count == 0)
        {
            Add(origin.Error("datasets", "lists no dataset; add at least one, e.g. datasets: { spotify: {} }."));
        }
        CheckUnique(environment.Datasets, d => d.Name, d => d.Origin, "dataset");
        var plans = new List<DatasetPlan>();
        foreach (var selection in environment.Datasets)
        {
            var dataset = pipeline.Datasets.FirstOrDefault(d => d.Name == selection.Name);
            if (dataset is null)
            {
                var hint = Suggestions.Closest(selection.Name, pipeline.Datasets.Select(d => d.Name));
                Add(selection.Origin.Error(hint is null
                    ? "is not a dataset of pipeline.yaml; define it there or remove it here."
                    : $"is not a dataset of pipeline.yaml; did you mean '{hint}'?"));
                continue;
            }
            plans.Add(PipelinePlanner.Plan(pipeline, environment, selection));
            ValidateDeployment(plans[^1], selection, checkNames: ProjectName().IsMatch(pipeline.Project));
        }
        CheckJobNamePrefixes(pipeline, environment);
        CheckStagingLifetime(environment, plans);
    }

    /// <summary>Days to notice a failed run (the freshness alarm fires within a week at most) and run it again.</summary>
    public const int RerunGraceDays = 7;

    /// <summary>
    /// A landed file must still be readable when the run that reads it comes: it may wait the longest gap between two
    /// scheduled runs (under a day when landed files start the workflow), plus <see cref="RerunGraceDays"/>. Files
    /// reach Glacier, where runs skip them, and expire after that. On-demand runs have no bound to check.
    /// </summary>
    private void CheckStagingLifetime(EnvironmentConfig environment, IReadOnlyList<DatasetPlan> plans)
    {
        var waits = plans
            .Select(p => (Plan: p, Gap: p.Etl.EventDriven ? 1 : p.Etl.Schedule.Cron is { } cron && CronExpression.Check(cron) is null ? CronCalendar.LongestGapDays(cron) : null))
            .Where(w => w.Gap is not null)
            .OrderByDescending(w => w.Gap)
            .ToList();
        if (waits.Count == 0)
        {
            return;
        }
        var (plan, gap) = waits[0];
        var wait = gap!.Value + RerunGraceDays;
        var why = plan.Etl.EventDriven
            ? $"landed files start dataset '{plan.Dataset.Name}''s workflow within a day"
            : $"dataset '{plan.Dataset.Name}' runs on {plan.Etl.Schedule.Cron}, up to {gap} days apart";
        var retention = environment.Retention;
        var origin = retention.Origin == Origin.Nowhere ? environment.Origin : retention.Origin;
        var key = retention.Origin == Origin.Nowhere ? "retention" : null;
        if (retention.StagingExpirationDays <= wait)
        {
            Add(origin.Error(key ?? "staging_expiration_days", $"{(key is null ? "" : "staging_expiration_days ")}is {retention.StagingExpirationDays} days, but a landed file may wait {wait} days for its first run ({why}, plus {RerunGraceDays} days to rerun a failed run), so files would be deleted unread; raise it above {wait} or run more often."));
        }
        else if (retention.StagingGlacierDays <= wait)
        {
            Add(origin.Error(key ?? "staging_glacier_days", $"{(key is null ? "" : "staging_glacier_days ")}is {retention.StagingGlacierDays} days, but a landed file may wait {wait} days for its first run ({why}, plus {RerunGraceDays} days to rerun a failed run), and runs skip files in Glacier (counted as files_archived); raise it above {wait} or run more often."));
        }
    }

    /// <summary>Alerts match a dataset's job events by name prefix, so no dataset's prefix may start another's.</summary>
    private void CheckJobNamePrefixes(PipelineConfig pipeline, EnvironmentConfig environment)
    {
        var selected = environment.Datasets.Where(s => pipeline.Datasets.Any(d => d.Name == s.Name)).DistinctBy(s => s.Name).ToList();
        foreach (var selection in selected)
        {
            var prefix = new ResourceNames(pipeline.Project, environment.Name, selection.Name, environment.Account).JobNamePrefix;
            foreach (var other in selected.Where(o => o.Name != selection.Name))
            {
                var otherPrefix = new ResourceNames(pipeline.Project, environment.Name, other.Name, environment.Account).JobNamePrefix;
                if (otherPrefix.StartsWith(prefix, StringComparison.Ordinal))
                {
                    Add(other.Origin.Error($"names Glue jobs '{otherPrefix}...', which also start with '{prefix}', the prefix by which dataset '{selection.Name}' matches its failed jobs; rename one of the two datasets."));
                }
            }
        }
    }

    /// <param name="checkNames">False when the project name is already wrong, so its errors are not repeated on every derived name.</param>
    private void ValidateDeployment(DatasetPlan plan, DatasetOverrides selection, bool checkNames)
    {
        if (checkNames)
        {
            CheckNames(plan, selection.Origin);
        }
        ValidateEtl(plan, selection);
    }

    private void CheckNames(DatasetPlan plan, Origin origin)
    {
        var names = plan.Names;
        CheckName(origin, AwsNames.CheckBucket(names.StagingBucket));
        CheckName(origin, AwsNames.CheckBucket(names.WarehouseBucket));
        CheckName(origin, AwsNames.CheckBucket(names.ResultsBucket));
        CheckName(origin, AwsNames.CheckBucket(names.AccessLogsBucket));
        CheckName(origin, AwsNames.CheckCatalogName(names.Database, "Glue database"));
        CheckName(origin, AwsNames.CheckWorkgroup(names.Workgroup));
        CheckName(origin, AwsNames.CheckRole(names.CrawlerRole));
        CheckName(origin, AwsNames.CheckStack(names.Stack));
        CheckName(origin, AwsNames.CheckGlueName(names.Crawler, "crawler"));
        foreach (var job in EtlJobLayout.TableJobs(plan).Concat(EtlJobLayout.DerivedJobs(plan)))
        {
            CheckName(origin, AwsNames.CheckRole(job.RoleName));
            CheckName(origin, AwsNames.CheckGlueName(job.JobName, "job"));
        }
    }

    private void ValidateEtl(DatasetPlan plan, DatasetOverrides selection)
    {
        var etlOrigin = selection.Etl?.Origin ?? plan.Environment.Etl.Origin;
        var unknownTables = (selection.Etl?.Tables.Keys ?? []).Concat(plan.Environment.Etl.Tables.Keys)
            .Where(t => !plan.Dataset.AllTableNames.Contains(t)).Distinct();
        foreach (var table in unknownTables)
        {
            Add(etlOrigin.Error("tables", $"names '{table}', which is not a table of dataset '{plan.Dataset.Name}'; fix the name or remove it."));
        }
        ValidateJob(etlOrigin, "", plan.Etl.Job, plan.Environment.Production);
        foreach (var (table, job) in plan.Etl.Tables.Where(t => t.Value != plan.Etl.Job))
        {
            ValidateJob(etlOrigin, $" (job of table '{table}')", job, plan.Environment.Production);
        }
        CheckGlueQuotas(plan, selection.Origin);
    }

    /// <summary>Glue's limits that no design avoids: jobs one trigger starts (and an account runs at once), nodes of a workflow.</summary>
    private void CheckGlueQuotas(DatasetPlan plan, Origin origin)
    {
        var tablesPerJob = plan.Etl.TablesPerJob;
        bool Fits(int n) => EtlJobLayout.JobsStartedAtOnce(plan, n) <= EtlJobLayout.MaxJobsPerTrigger && EtlJobLayout.WorkflowNodes(plan, n) <= EtlJobLayout.MaxWorkflowNodes;
        if (Fits(tablesPerJob))
        {
            return;
        }
        var fits = Enumerable.Range(tablesPerJob, EtlJobLayout.MaxJobsPerTrigger - tablesPerJob + 1).FirstOrDefault(Fits);
        var remedy = fits > 0 ? $"set etl.tables_per_job to {fits} (now {tablesPerJob})" : "split the dataset";
        var atOnce = EtlJobLayout.JobsStartedAtOnce(plan, tablesPerJob);
        if (atOnce > EtlJobLayout.MaxJobsPerTrigger)
        {
            Add(origin.Error($"gives {atOnce} Glue jobs that start together; a trigger starts at most {EtlJobLayout.MaxJobsPerTrigger} and an account runs {EtlJobLayout.MaxJobsPerTrigger} at once by default, so {remedy}."));
        }
        var nodes = EtlJobLayout.WorkflowNodes(plan, tablesPerJob);
        if (nodes > EtlJobLayout.MaxWorkflowNodes)
        {
            Add(origin.Error($"gives a Glue workflow of {nodes} jobs, crawlers and triggers; a workflow holds at most {EtlJobLayout.MaxWorkflowNodes}, so {remedy}."));
        }
    }

    private void ValidateJob(Origin origin, string where, JobSettings job, bool production)
    {
        if (!EnvironmentFileSettings.GlueVersion.Choices.Contains(job.GlueVersion))
        {
            Add(origin.Error("glue_version", $"is '{job.GlueVersion}'{where}; use {string.Join(" or ", EnvironmentFileSettings.GlueVersion.Choices.Select(v => $"\"{v}\""))} (quoted)."));
        }
        if (job.WorkerType is "G.025X" or "Z.2X")
        {
            Add(origin.Error("worker_type", $"is {job.WorkerType}{where}, which Glue offers only for {(job.WorkerType == "Z.2X" ? "Ray" : "streaming")} jobs; use G.1X or larger."));
        }
        else if (!EnvironmentFileSettings.WorkerType.Choices.Contains(job.WorkerType))
        {
            Add(origin.Error("worker_type", $"is '{job.WorkerType}'{where}; use one of {string.Join(", ", EnvironmentFileSettings.WorkerType.Choices)}."));
        }
        else if (Glue5WorkerTypes.Contains(job.WorkerType) && job.GlueVersion != "5.0")
        {
            Add(origin.Error("worker_type", $"is {job.WorkerType}{where}, which needs glue_version \"5.0\"; raise the version or pick G.1X to G.8X."));
        }
        if (job.MaxConcurrentRuns != 1)
        {
            Add(origin.Error("max_concurrent_runs", $"is {job.MaxConcurrentRuns}{where}; two runs of one job would write the same warehouse table at once, so jobs run one at a time: remove it or set 1."));
        }
        if (job.Flex && production)
        {
            Add(origin.Error("flex", $"is true{where} in a production environment; Flex runs may start late, so turn it off."));
        }
        if (job.Flex && job.WorkerType is not ("G.1X" or "G.2X"))
        {
            Add(origin.Error("flex", $"is true{where} with worker type {job.WorkerType}; Flex runs only on G.1X and G.2X."));
        }
    }

    private void ValidateDataset(PipelineConfig pipeline, DatasetDefinition dataset)
    {
        CheckName(dataset.Origin, "name", AwsNames.CheckCatalogName(dataset.Name, "dataset"));
        var tableNames = dataset.Tables.Select(t => (t.Name, t.Origin)).Concat(dataset.Derived.Select(d => (d.Name, d.Origin)));
        CheckUnique(tableNames.ToList(), t => t.Name, t => t.Origin, "table");
        if (dataset.Tables.Count == 0)
        {
            Add(dataset.Origin.Error("tables", "is empty; define at least one table."));
        }
        foreach (var table in dataset.Tables)
        {
            ValidateTable(pipeline, table);
        }
        foreach (var derived in dataset.Derived)
        {
            CheckName(derived.Origin, "name", AwsNames.CheckCatalogName(derived.Name, "table"));
            CheckFile(pipeline, derived.Origin, "sql", derived.SqlFile);
            foreach (var dependency in derived.DependsOn.Where(d => dataset.Tables.All(t => t.Name != d)))
            {
                Add(derived.Origin.Error("depends_on", $"names '{dependency}', which is not a cleaned table of dataset '{dataset.Name}'; use one of {string.Join(", ", dataset.Tables.Select(t => t.Name))}."));
            }
            if (derived.DependsOn.Count == 0)
            {
                Add(derived.Origin.Error("depends_on", "is empty; list the cleaned tables the SQL reads."));
            }
        }
        CheckUnique(dataset.Queries, q => q.Name, q => q.Origin, "query");
        foreach (var query in dataset.Queries)
        {
            CheckName(query.Origin, "name", AwsNames.CheckCatalogName(query.Name, "query"));
            if (CheckFile(pipeline, query.Origin, "sql", query.SqlFile))
            {
                CheckPlaceholders(pipeline, query);
            }
        }
        CheckUnlistedQueryFiles(pipeline, dataset);
    }

    private void CheckUnlistedQueryFiles(PipelineConfig pipeline, DatasetDefinition dataset)
    {
        var folder = Path.Combine(pipeline.RootDirectory, "sql", dataset.Name);
        if (!Directory.Exists(folder))
        {
            return;
        }
        var listed = dataset.Queries.Select(q => Path.GetFullPath(Path.Combine(pipeline.RootDirectory, q.SqlFile))).ToHashSet();
        foreach (var file in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            if (!listed.Contains(Path.GetFullPath(file)))
            {
                var relative = Path.GetRelativePath(pipeline.RootDirectory, file).Replace('\\', '/');
                Add(dataset.Origin.Error("queries", $"does not list {relative}; every SQL file under sql/{dataset.Name}/ becomes a saved query, so add it to queries or delete the file."));
            }
        }
    }

    private void ValidateTable(PipelineConfig pipeline, TableDefinition table)
    {
        CheckName(table.Origin, "name", AwsNames.CheckCatalogName(table.Name, "table"));
        CheckUnique(table.Columns, c => c.Name, c => c.Origin, "column");
        if (table.Script is not null)
        {
            CheckFile(pipeline, table.Origin, "script", table.Script);
        }
        foreach (var column in table.Columns)
        {
            ValidateColumn(column);
        }
        ValidateSource(table);
        foreach (var key in table.Key)
        {
            var column = table.Column(key);
            if (column is null)
            {
                Add(table.Origin.Error("key", $"names '{key}', which is not a column of table '{table.Name}'; use one of its columns."));
            }
            else if (!column.Required)
            {
                Add(column.Origin.Error("required", $"must be true because '{key}' is part of the key of table '{table.Name}'; rows without a key cannot be de-duplicated."));
            }
        }
        if (table.OrderBy.Count > 0 && table.Key.Count == 0)
        {
            Add(table.Origin.Error("order_by", "only decides which duplicate wins, and this table has no key; add a key or remove order_by."));
        }
        foreach (var term in table.OrderBy.Where(t => table.Column(t.Column) is null))
        {
            Add(table.Origin.Error("order_by", $"names '{term.Column}', which is not a column of table '{table.Name}'."));
        }
        CheckUnique(table.PartitionBy, p => p.Name, p => p.Origin, "partition column");
        foreach (var partition in table.PartitionBy)
        {
            ValidatePartition(table, partition);
        }
        if (table.PartitionBy.Count > 0 && table.PartitionBy.Count >= table.Columns.Count)
        {
            Add(table.Origin.Error("partition_by", "uses every column; keep at least one column out of the partitions."));
        }
    }

    private void ValidateSource(TableDefinition table)
    {
        var source = table.Source;
        var origin = source.Origin == Origin.Nowhere ? table.Origin : source.Origin;
        if (source.Kind == SourceKind.Csv)
        {
            if (source.Delimiter == source.Quote)
            {
                Add(origin.Error("quote", $"is '{source.Quote}', the same character as delimiter; a field could not be told from its quotes, so pick two different characters."));
            }
            foreach (var (key, value) in new[] { ("delimiter", source.Delimiter), ("quote", source.Quote) }.Where(x => x.Item2 is "\n" or "\r"))
            {
                Add(origin.Error(key, "is a line break; records are lines, so pick another character."));
            }
        }
        if (source.Kind == SourceKind.Json && source.Encoding != SourceEncoding.Utf8)
        {
            Add(origin.Error("encoding", "must be utf-8 for format: json; JSON files are UTF-8 (RFC 8259), so convert the files or use format: jsonl."));
        }
        if (source.Kind != SourceKind.Csv)
        {
            foreach (var column in table.ColumnsInFile.Where(c => SparkJsonPath.Of(c.SourceName) is null))
            {
                Add(column.Origin.Error(column.From is null ? "name" : "from", $"is the JSON key '{column.SourceName}', which Spark's get_json_object cannot name: a key holding ' or ? must hold no . or [, none may start with white space, and * alone or first is a wildcard; rename the key in the files."));
            }
        }
        // Columns of the same name are reported as duplicates already.
        foreach (var group in table.ColumnsInFile.GroupBy(c => c.SourceName, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1))
        {
            foreach (var column in group.Skip(1))
            {
                Add(column.Origin.Error(column.From is null ? "name" : "from", $"reads '{column.SourceName}' from the file, as column '{group.First().Name}' does; each column reads its own {(source.Kind == SourceKind.Csv ? "header column" : "key")}."));
            }
        }
        foreach (var column in table.Columns.Where(c => c.OptionalInHeader))
        {
            var problem = column.Required ? "cannot go with required: true: every row of a file without the column would be rejected as missing_required; remove one of the two."
                : table.IsFolderColumn(column) ? "applies to a column of the file's header, and this is a folder column; remove it."
                : source.Kind != SourceKind.Csv ? "applies to CSV headers; a JSON record without the key already reads it as NULL, so remove it."
                : !source.Header ? "applies to CSV files with a header, and this table's source has header: false; remove it."
                : null;
            if (problem is not null)
            {
                Add(column.Origin.Error("optional_in_header", problem));
            }
        }
        if (source.Kind == SourceKind.Csv && source.Header && table.ColumnsInFile.Any() && table.ColumnsInFile.All(c => c.OptionalInHeader))
        {
            Add(table.Origin.Error("columns", "are all optional_in_header, so no header would ever be checked and a wrong file would read as empty rows; keep at least one column every file must have."));
        }
        foreach (var name in table.FolderColumns)
        {
            var column = table.Column(name);
            if (column is null)
            {
                Add(table.Origin.Error("folder_columns", $"names '{name}', which is not a column of table '{table.Name}'; declare it under columns with its type."));
            }
            else if (column.SourceName.Contains('/', StringComparison.Ordinal) || column.SourceName.Contains('=', StringComparison.Ordinal))
            {
                Add(column.Origin.Error("from", $"is '{column.SourceName}'; a folder key holds no '/' or '=' (folders look like {column.SourceName.Replace("/", "", StringComparison.Ordinal).Replace("=", "", StringComparison.Ordinal)}=value/)."));
            }
        }
        if (table.FolderColumns.Count > 0 && table.FolderColumns.Count >= table.Columns.Count)
        {
            Add(table.Origin.Error("folder_columns", "names every column; keep at least one column that the files hold."));
        }
        if (table.FileColumn is { } fileColumn)
        {
            CheckName(table.Origin, "file_column", AwsNames.CheckCatalogName(fileColumn, "column"));
            if (table.Column(fileColumn) is not null || table.PartitionBy.Any(p => string.Equals(p.Name, fileColumn, StringComparison.OrdinalIgnoreCase)))
            {
                Add(table.Origin.Error("file_column", $"is '{fileColumn}', which is already a column of table '{table.Name}'; pick another name."));
            }
        }
    }

    private void ValidatePartition(TableDefinition table, PartitionColumn partition)
    {
        CheckName(partition.Origin, "name", AwsNames.CheckCatalogName(partition.Name, "partition column"));
        var source = table.Column(partition.SourceColumn);
        if (source is null)
        {
            Add(partition.Origin.Error(partition.From is null ? "name" : "from", $"names '{partition.SourceColumn}', which is not a column of table '{table.Name}'."));
            return;
        }
        if (partition.From is not null && table.Column(partition.Name) is not null)
        {
            Add(partition.Origin.Error("name", $"is '{partition.Name}', which is already a column of table '{table.Name}'; give the derived partition another name."));
        }
        if (partition.Transform != PartitionTransform.Identity && !source.Type.IsTemporal)
        {
            Add(partition.Origin.Error("transform", $"is {partition.Transform.ToString().ToLowerInvariant()}, which needs a date or timestamp column, but '{source.Name}' is {source.Type}."));
        }
        if (partition.Transform == PartitionTransform.Identity && partition.From is not null)
        {
            Add(partition.Origin.Error("transform", "is missing; a partition derived with 'from' needs a transform: year, month or day."));
        }
        if (!source.Required)
        {
            Add(source.Origin.Error("required", $"must be true because partition '{partition.Name}' is computed from it; rows without a value would land in a null partition."));
        }
    }

    private void ValidateColumn(ColumnDefinition column)
    {
        CheckName(column.Origin, "name", AwsNames.CheckCatalogName(column.Name, "column"));
        var rules = column.Rules;
        var type = column.Type;
        if (column.Format is not null)
        {
            if (!type.IsTemporal)
            {
                Add(column.Origin.Error("format", $"applies only to date and timestamp columns, and '{column.Name}' is {type}; remove it."));
            }
            else if (!DatePattern.IsSupported(column.Format))
            {
                Add(column.Origin.Error("format", $"is '{column.Format}'; use the pattern letters {DatePattern.SupportedLetters} with separators, e.g. yyyy-MM-dd or yyyy-MM-dd HH:mm:ss."));
            }
        }
        if ((rules.Min is not null || rules.Max is not null) && !type.IsNumeric && type.Kind != ColumnKind.String)
        {
            Add(column.Origin.Error("rules", $"sets min or max on '{column.Name}', a {type} column; min and max apply to numbers and to the length of strings."));
        }
        if ((rules.Trim || rules.Lowercase) && type.Kind != ColumnKind.String)
        {
            Add(column.Origin.Error("rules", $"trims or lower-cases '{column.Name}', a {type} column; those rules apply to strings (other types are always trimmed)."));
        }
        if (type.Kind == ColumnKind.Boolean && (rules.AllowedValues.Count > 0 || rules.Regex is not null))
        {
            Add(column.Origin.Error("rules", $"sets allowed_values or regex on '{column.Name}', a boolean column; remove them."));
        }
    }

    private bool CheckFile(PipelineConfig pipeline, Origin origin, string key, string relativePath)
    {
        var path = Path.Combine(pipeline.RootDirectory, relativePath);
        if (File.Exists(path))
        {
            return true;
        }
        Add(origin.Error(key, $"points to {relativePath}, which does not exist; create the file or fix the path (relative to the folder of pipeline.yaml)."));
        return false;
    }

    private void CheckPlaceholders(PipelineConfig pipeline, QueryDefinition query)
    {
        var sql = File.ReadAllText(Path.Combine(pipeline.RootDirectory, query.SqlFile));
        foreach (var (name, line) in QueryTemplate.UnknownPlaceholders(sql))
        {
            Add(new ConfigError(query.SqlFile, line, "{{" + name + "}}", $"is not a known placeholder; use one of {string.Join(", ", QueryTemplate.Placeholders.Select(p => "{{" + p + "}}"))}."));
        }
    }

    private void CheckName(Origin origin, string key, string? problem)
    {
        if (problem is not null)
        {
            Add(origin.Error(key, problem));
        }
    }

    private void CheckName(Origin origin, string? problem)
    {
        if (problem is not null)
        {
            Add(origin.Error(problem));
        }
    }

    private void CheckUnique<T>(IReadOnlyList<T> items, Func<T, string> name, Func<T, Origin> origin, string what)
    {
        foreach (var group in items.GroupBy(i => name(i), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                var first = origin(group.First());
                Add(origin(duplicate).Error("name", $"repeats the {what} '{name(group.First())}' defined at line {first.Line} (names are compared ignoring case); rename or remove one."));
            }
        }
    }

    private void Add(ConfigError error) => diagnostics.Add(error);

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,19}$")]
    private static partial Regex ProjectName();

    [GeneratedRegex(@"^[a-z][a-z0-9]{1,9}$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$")]
    private static partial Regex RegionName();
}
