using DataPipeline.Config.Model;

namespace DataPipeline.Config;

/// <summary>One Glue job of a dataset: the tables it writes, in order, with the settings they share.</summary>
public sealed record EtlJobGroup
{
    public required string JobName { get; init; }
    public required string RoleName { get; init; }
    /// <summary>The tables the job writes, one after another in one Spark session.</summary>
    public required IReadOnlyList<string> Tables { get; init; }
    /// <summary>True for a job of derived tables (it reads warehouse tables, never staging).</summary>
    public required bool Derived { get; init; }
    public required JobSettings Settings { get; init; }
    /// <summary>The table's own Glue script (its job holds that table alone). Null: the generic runner.</summary>
    public string? Script { get; init; }
}

/// <summary>
/// Which Glue jobs a dataset gets: a job per table when etl.tables_per_job is 1, else tables with equal job settings
/// share jobs of up to that many tables. A table with its own script always has a job of its own.
/// </summary>
public static class EtlJobLayout
{
    /// <summary>A Glue trigger starts at most 50 jobs, and an account runs 50 jobs at once by default.</summary>
    public const int MaxJobsPerTrigger = 50;
    /// <summary>A Glue workflow holds at most 100 jobs, crawlers and triggers.</summary>
    public const int MaxWorkflowNodes = 100;

    public static IReadOnlyList<EtlJobGroup> TableJobs(DatasetPlan plan) => TableJobs(plan, plan.Etl.TablesPerJob);

    public static IReadOnlyList<EtlJobGroup> DerivedJobs(DatasetPlan plan) => DerivedJobs(plan, plan.Etl.TablesPerJob);

    /// <summary>Jobs, the start trigger, the derived trigger if any, and the crawler with its trigger if the workflow crawls.</summary>
    public static int WorkflowNodes(DatasetPlan plan, int tablesPerJob)
    {
        var derived = DerivedJobs(plan, tablesPerJob).Count;
        return TableJobs(plan, tablesPerJob).Count + derived + 1 + (derived > 0 ? 1 : 0) + (plan.Crawler.AfterEtl ? 2 : 0);
    }

    /// <summary>The most jobs one trigger starts at once: the table jobs, or the derived jobs.</summary>
    public static int JobsStartedAtOnce(DatasetPlan plan, int tablesPerJob) =>
        Math.Max(TableJobs(plan, tablesPerJob).Count, DerivedJobs(plan, tablesPerJob).Count);

    public static IReadOnlyList<EtlJobGroup> TableJobs(DatasetPlan plan, int tablesPerJob)
    {
        var own = plan.Dataset.Tables.Where(t => t.Script is not null).Select(t => Single(plan, t.Name, derived: false, t.Script));
        var shared = Groups(plan, plan.Dataset.Tables.Where(t => t.Script is null).Select(t => t.Name), "tables", derived: false, tablesPerJob);
        return [.. shared, .. own];
    }

    public static IReadOnlyList<EtlJobGroup> DerivedJobs(DatasetPlan plan, int tablesPerJob) =>
        Groups(plan, plan.Dataset.Derived.Select(d => d.Name), "derived", derived: true, tablesPerJob);

    private static List<EtlJobGroup> Groups(DatasetPlan plan, IEnumerable<string> tables, string stage, bool derived, int tablesPerJob)
    {
        if (tablesPerJob <= 1)
        {
            return tables.Select(t => Single(plan, t, derived, script: null)).ToList();
        }
        var number = 0;
        return tables.GroupBy(plan.Etl.For)
            .SelectMany(sameSettings => sameSettings.Chunk(tablesPerJob))
            .Select(chunk => new EtlJobGroup
            {
                JobName = plan.Names.JobGroup(stage, ++number),
                RoleName = plan.Names.JobGroupRole(stage, number),
                Tables = chunk,
                Derived = derived,
                Settings = plan.Etl.For(chunk[0]),
            })
            .ToList();
    }

    private static EtlJobGroup Single(DatasetPlan plan, string table, bool derived, string? script) => new()
    {
        JobName = plan.Names.Job(table),
        RoleName = plan.Names.JobRole(table),
        Tables = [table],
        Derived = derived,
        Settings = plan.Etl.For(table),
        Script = script,
    };
}
