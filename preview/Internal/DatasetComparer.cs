namespace DataPipeline.Preview;

/// <summary>Compares the outputs of two local runs (&lt;out&gt;/&lt;dataset&gt;/ of each) dataset by dataset.</summary>
internal static class DatasetComparer
{
    // The local run's layout (README, "Run locally"): these paths stay while the run's other outputs grow.
    private const string WarehouseFolder = "data-warehouse";
    private const string QueriesFolder = "queries";

    public static IReadOnlyList<DatasetDiff> Compare(string baseOut, string headOut, string baseConfig, string headConfig)
    {
        var before = Datasets(baseOut);
        var after = Datasets(headOut);
        return before.Union(after).Order(StringComparer.Ordinal)
            .Select(dataset => Compare(dataset,
                before.Contains(dataset) ? Path.Combine(baseOut, dataset) : null,
                after.Contains(dataset) ? Path.Combine(headOut, dataset) : null,
                TableKeys.Of(baseConfig, dataset), TableKeys.Of(headConfig, dataset)))
            .ToList();
    }

    private static DatasetDiff Compare(
        string dataset, string? baseFolder, string? headFolder,
        IReadOnlyDictionary<string, IReadOnlyList<string>> baseKeys, IReadOnlyDictionary<string, IReadOnlyList<string>> headKeys)
    {
        var tablesBefore = Children(baseFolder, WarehouseFolder);
        var tablesAfter = Children(headFolder, WarehouseFolder);
        var tables = tablesBefore.Keys.Union(tablesAfter.Keys).Order(StringComparer.Ordinal)
            .Select(table => CompareTable(dataset, table, tablesBefore.GetValueOrDefault(table), tablesAfter.GetValueOrDefault(table),
                baseKeys.GetValueOrDefault(table) ?? [], headKeys.GetValueOrDefault(table) ?? []))
            .ToList();
        var queriesBefore = Files(baseFolder, QueriesFolder, ".csv");
        var queriesAfter = Files(headFolder, QueriesFolder, ".csv");
        var queries = queriesBefore.Keys.Union(queriesAfter.Keys).Order(StringComparer.Ordinal)
            .Select(query => QueryComparer.Compare(query, queriesBefore.GetValueOrDefault(query), queriesAfter.GetValueOrDefault(query)))
            .ToList();
        return new DatasetDiff
        {
            Dataset = dataset,
            Presence = (baseFolder, headFolder) switch
            {
                (null, _) => PresenceChange.New,
                (_, null) => PresenceChange.Removed,
                _ => PresenceChange.InBoth,
            },
            Tables = tables,
            Rejects = Rejects(baseFolder, headFolder),
            Queries = queries,
        };
    }

    private static TableDiff CompareTable(string dataset, string table, string? before, string? after, IReadOnlyList<string> baseKey, IReadOnlyList<string> headKey)
    {
        try
        {
            return WarehouseComparer.Compare(table, before, after, baseKey, headKey);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            throw new PreviewException($"Comparing table '{table}' of dataset '{dataset}' failed on DuckDB: {e.Message}", e);
        }
    }

    private static List<RejectCount> Rejects(string? baseFolder, string? headFolder)
    {
        var before = baseFolder is null ? new Dictionary<string, IReadOnlyDictionary<string, long>>() : RunSummary.RejectsByTable(baseFolder);
        var after = headFolder is null ? new Dictionary<string, IReadOnlyDictionary<string, long>>() : RunSummary.RejectsByTable(headFolder);
        return before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .SelectMany(table =>
            {
                var reasonsBefore = before.GetValueOrDefault(table) ?? new Dictionary<string, long>();
                var reasonsAfter = after.GetValueOrDefault(table) ?? new Dictionary<string, long>();
                return reasonsBefore.Keys.Union(reasonsAfter.Keys).Order(StringComparer.Ordinal).Select(reason => new RejectCount
                {
                    Table = table,
                    Reason = reason,
                    Before = reasonsBefore.GetValueOrDefault(reason),
                    After = reasonsAfter.GetValueOrDefault(reason),
                });
            })
            .ToList();
    }

    /// <summary>The dataset folders a run wrote (each has run.json); the run's temporary folders start with a dot.</summary>
    private static HashSet<string> Datasets(string outRoot) =>
        Directory.Exists(outRoot)
            ? Directory.EnumerateDirectories(outRoot)
                .Where(d => !Path.GetFileName(d).StartsWith('.') && File.Exists(Path.Combine(d, "run.json")))
                .Select(d => Path.GetFileName(d))
                .ToHashSet(StringComparer.Ordinal)
            : [];

    private static Dictionary<string, string> Children(string? datasetFolder, string relative)
    {
        var folder = datasetFolder is null ? null : Path.Combine(datasetFolder, relative);
        return folder is not null && Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder).ToDictionary(d => Path.GetFileName(d), d => d, StringComparer.Ordinal)
            : [];
    }

    private static Dictionary<string, string> Files(string? datasetFolder, string relative, string extension)
    {
        var folder = datasetFolder is null ? null : Path.Combine(datasetFolder, relative);
        return folder is not null && Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + extension).ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal)
            : [];
    }
}
