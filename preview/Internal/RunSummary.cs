using System.Text.Json;

namespace DataPipeline.Preview;

/// <summary>The rejected rows by reason of each cleaned table, from a local run's run.json (<c>tables[].rejected_by_reason</c>).</summary>
internal static class RunSummary
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> RejectsByTable(string datasetFolder)
    {
        var file = Path.Combine(datasetFolder, "run.json");
        var result = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return result;
        }
        using var summary = JsonDocument.Parse(File.ReadAllText(file));
        if (!summary.RootElement.TryGetProperty("tables", out var tables))
        {
            return result;
        }
        foreach (var table in tables.EnumerateArray())
        {
            var reasons = table.TryGetProperty("rejected_by_reason", out var byReason) && byReason.ValueKind == JsonValueKind.Object
                ? byReason.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.GetInt64(), StringComparer.Ordinal)
                : [];
            result[table.GetProperty("table").GetString()!] = reasons;
        }
        return result;
    }
}
