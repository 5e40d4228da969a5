using System.Globalization;

namespace DataPipeline.Components.Shared;

/// <summary>
/// Construct ids for one-per-item resources (a job per table, a query per file). They come from the item's validated,
/// stable name, never from a token or an index, so adding or reordering items does not replace the others.
/// </summary>
internal static class ConstructIds
{
    public static string Pascal(string prefix, string name) =>
        prefix + string.Concat(name.Split(['_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
