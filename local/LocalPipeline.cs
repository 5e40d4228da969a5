using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;

namespace DataPipeline.Local;

/// <summary>
/// Runs the pipeline of one environment on this machine with embedded DuckDB: the same compiled plans as the Glue
/// jobs, the crawler's catalog, the saved queries, and an HTML report, under &lt;out&gt;/&lt;dataset&gt;/.
/// </summary>
public static class LocalPipeline
{
    /// <summary>The datasets to run with their staging folders; throws ConfigException or LocalRunException before anything runs.</summary>
    public static IReadOnlyList<(DatasetPlan Plan, string Staging)> Resolve(LocalRunOptions options)
    {
        var config = ConfigLoader.Load(options.ConfigDirectory);
        var environment = config.Environment(options.Environment);
        var plans = config.Plan(options.Environment);
        foreach (var name in options.Datasets.Where(n => plans.All(p => p.Dataset.Name != n)))
        {
            throw new ConfigException([environment.Origin.Error("datasets",
                $"has no dataset '{name}'; use one of {string.Join(", ", plans.Select(p => p.Dataset.Name))}, or add it here and to pipeline.yaml.")]);
        }
        var selected = options.Datasets.Count == 0 ? plans : plans.Where(p => options.Datasets.Contains(p.Dataset.Name)).ToList();
        if (options.Staging is { } staging && !staging.Contains("{dataset}") && selected.Count > 1)
        {
            throw new LocalRunException($"--staging {staging} is one folder but {selected.Count} datasets would run; pass --dataset, or write {{dataset}} in the path.");
        }
        var resolved = selected.Select(plan => (plan, StagingFolder(options, plan.Dataset.Name))).ToList();
        var outRoot = OutRoot(options);
        foreach (var (plan, folder) in resolved)
        {
            CheckApart(outRoot, folder, plan.Dataset.Name);
        }
        return resolved;
    }

    /// <summary>A run replaces &lt;out&gt;/&lt;dataset&gt; and only reads staging, so the two must not overlap in either direction.</summary>
    private static void CheckApart(string outRoot, string staging, string dataset)
    {
        static bool Inside(string path, string folder) =>
            path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var relation = outRoot == staging ? "is"
            : Inside(staging, outRoot) ? "contains"
            : Inside(outRoot, staging) ? "lies inside"
            : null;
        if (relation is not null)
        {
            throw new LocalRunException($"--out {outRoot} {relation} the staging folder {staging} of dataset '{dataset}'; a run replaces <out>/<dataset> and only reads staging, so keep them apart (the default --out is .pipeline/<env>).");
        }
    }

    public static string OutRoot(LocalRunOptions options) =>
        Path.GetFullPath(options.Out ?? Path.Combine(options.ConfigDirectory, ".pipeline", options.Environment));

    /// <summary>Runs one dataset; on any error its previous output stays as it was.</summary>
    public static DatasetRunResult RunDataset(DatasetPlan plan, string staging, LocalRunOptions options, IRunProgress progress) =>
        new DatasetRunner(plan, staging, OutRoot(options), progress, options.FullRefresh).Run();

    private static string StagingFolder(LocalRunOptions options, string dataset)
    {
        var folder = options.Staging is null
            ? Path.Combine(options.ConfigDirectory, "samples", dataset)
            : options.Staging.Replace("{dataset}", dataset);
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
        {
            throw new LocalRunException($"Staging folder {folder} for dataset '{dataset}' does not exist; create it with one folder per table (<table>/*.csv), generate one with 'sample --dataset {dataset} --out {folder}', or pass --staging.");
        }
        return folder;
    }
}
