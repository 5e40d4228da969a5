namespace DataPipeline.Config.Reading;

/// <summary>Finds the known word closest to a typo, for "did you mean" hints.</summary>
internal static class Suggestions
{
    public static string? Closest(string typo, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Key: k, Distance: Distance(typo.ToLowerInvariant(), k)))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Key is not null && best.Distance <= Math.Max(2, typo.Length / 3) ? best.Key : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
