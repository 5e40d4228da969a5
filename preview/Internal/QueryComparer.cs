namespace DataPipeline.Preview;

/// <summary>Compares a saved query's result files (queries/&lt;name&gt;.csv) of two local runs, line by line.</summary>
internal static class QueryComparer
{
    public const int ExcerptLines = 5;

    /// <param name="baseFile">The base run's CSV; null when the base has no such query.</param>
    /// <param name="headFile">The head run's CSV; null when the head has no such query.</param>
    public static QueryDiff Compare(string query, string? baseFile, string? headFile)
    {
        var before = Read(baseFile);
        var after = Read(headFile);
        if (baseFile is null || headFile is null)
        {
            var only = (after ?? before)!.Value;
            return new QueryDiff
            {
                Query = query,
                Presence = baseFile is null ? PresenceChange.New : PresenceChange.Removed,
                Changed = true,
                RowsBefore = before?.Rows.Count ?? 0,
                RowsAfter = after?.Rows.Count ?? 0,
                Header = only.Header,
                LinesBefore = before?.Rows.Take(ExcerptLines).ToList() ?? [],
                LinesAfter = after?.Rows.Take(ExcerptLines).ToList() ?? [],
                MoreLines = Math.Max(0, only.Rows.Count - ExcerptLines),
            };
        }
        var (headerBefore, rowsBefore) = before!.Value;
        var (headerAfter, rowsAfter) = after!.Value;
        var onlyBefore = Except(rowsBefore, rowsAfter);
        var onlyAfter = Except(rowsAfter, rowsBefore);
        return new QueryDiff
        {
            Query = query,
            Presence = PresenceChange.InBoth,
            Changed = headerBefore != headerAfter || !rowsBefore.SequenceEqual(rowsAfter),
            RowsBefore = rowsBefore.Count,
            RowsAfter = rowsAfter.Count,
            Header = headerAfter,
            HeaderBefore = headerBefore == headerAfter ? null : headerBefore,
            LinesBefore = onlyBefore.Take(ExcerptLines).ToList(),
            LinesAfter = onlyAfter.Take(ExcerptLines).ToList(),
            MoreLines = Math.Max(0, onlyBefore.Count - ExcerptLines) + Math.Max(0, onlyAfter.Count - ExcerptLines),
        };
    }

    private static (string Header, IReadOnlyList<string> Rows)? Read(string? file)
    {
        if (file is null)
        {
            return null;
        }
        var lines = File.ReadAllLines(file);
        return lines.Length == 0 ? ("", []) : (lines[0], lines[1..]);
    }

    /// <summary>Lines of <paramref name="lines"/> that <paramref name="other"/> lacks, counting repeats, in their order.</summary>
    private static List<string> Except(IReadOnlyList<string> lines, IReadOnlyList<string> other)
    {
        var remaining = other.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (remaining.TryGetValue(line, out var count) && count > 0)
            {
                remaining[line] = count - 1;
            }
            else
            {
                result.Add(line);
            }
        }
        return result;
    }
}
