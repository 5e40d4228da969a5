namespace DataPipeline.Tests.Kit;

/// <summary>
/// Committed files that are produced from code (schemas, SQL, README tables). A test compares them with what the code
/// produces now; UPDATE_SNAPSHOTS=1 dotnet test writes the new text instead, for review in the diff.
/// </summary>
public static class Snapshot
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    /// <summary>The whole file equals <paramref name="expected"/>.</summary>
    public static void File(string path, string expected)
    {
        if (Updating)
        {
            System.IO.File.WriteAllText(path, expected);
            return;
        }
        Assert.True(System.IO.File.Exists(path), $"{path} does not exist; run UPDATE_SNAPSHOTS=1 dotnet test tests/Infra.Tests to create it.");
        Assert.Equal(expected, System.IO.File.ReadAllText(path));
    }

    /// <summary>The text between &lt;!-- name --&gt; and &lt;!-- /name --&gt; of a file equals <paramref name="expected"/>.</summary>
    public static void Section(string path, string name, string expected)
    {
        var text = System.IO.File.ReadAllText(path);
        var start = $"<!-- {name} -->\n";
        var end = $"<!-- /{name} -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"{path} has no section {start.Trim()} ... {end}; add the two markers.");
        var current = text[(from + start.Length)..to];
        if (Updating)
        {
            System.IO.File.WriteAllText(path, text[..(from + start.Length)] + expected + text[to..]);
            return;
        }
        Assert.Equal(expected, current);
    }
}
