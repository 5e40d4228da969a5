using System.Text.RegularExpressions;
using DataPipeline.Config.Model;

namespace DataPipeline.Config;

/// <summary>
/// Fills the placeholders of a saved query: {{database}}, {{workgroup}}, {{environment}} and {{dataset}}. Athena named
/// queries and the local engine both use this, so a query means the same thing in both places.
/// </summary>
public static partial class QueryTemplate
{
    public static IReadOnlyList<string> Placeholders { get; } = ["database", "workgroup", "environment", "dataset"];

    public static string Fill(string sql, DatasetPlan plan) => Fill(sql, new Dictionary<string, string>
    {
        ["database"] = plan.Names.Database,
        ["workgroup"] = plan.Names.Workgroup,
        ["environment"] = plan.Environment.Name,
        ["dataset"] = plan.Dataset.Name,
    });

    public static string Fill(string sql, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(sql, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new ArgumentException($"Unknown placeholder '{m.Value}'.", nameof(sql)));

    /// <summary>The placeholders of a text that are not known, with their line numbers.</summary>
    public static IEnumerable<(string Name, int Line)> UnknownPlaceholders(string sql) =>
        Placeholder().Matches(sql)
            .Where(m => !Placeholders.Contains(m.Groups[1].Value))
            .Select(m => (m.Groups[1].Value, sql[..m.Index].Count(c => c == '\n') + 1));

    [GeneratedRegex(@"\{\{\s*([A-Za-z_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
