namespace DataPipeline.Local.Engine;

/// <summary>
/// The output of one dataset run, built in a folder of its own beside &lt;out&gt;/&lt;dataset&gt; (same filesystem, so the
/// final moves are renames) and put in place only when the whole run succeeded, under a lock so no other run writes it.
/// Committing marks the run's folder complete, moves the previous output aside, moves the new one in, then deletes the
/// previous one. A run killed at any of those moments leaves one complete output on disk: the next run finds it and
/// puts it in place (the new one when it was marked complete, else the previous one), and removes every leftover.
/// Disposing without <see cref="Commit"/> removes the run's folder and leaves the previous output untouched.
/// </summary>
internal sealed class DatasetOutput : IDisposable
{
    private const string CompleteMarker = ".complete";

    private readonly OutputLock _lock;
    private readonly string _id = Guid.NewGuid().ToString("N");
    private bool _committed;

    private DatasetOutput(string outRoot, string dataset, OutputLock held, IReadOnlyList<string> recovered)
    {
        _lock = held;
        FinalFolder = Path.GetFullPath(Path.Combine(outRoot, dataset));
        WorkFolder = Path.GetFullPath(Path.Combine(outRoot, $".{dataset}.work-{_id}"));
        Recovered = recovered;
        Directory.CreateDirectory(WorkFolder);
    }

    public string FinalFolder { get; }

    /// <summary>Where the run writes; becomes <see cref="FinalFolder"/> on commit.</summary>
    public string WorkFolder { get; }

    /// <summary>What opening found of a run killed before, and did about it (for the terminal).</summary>
    public IReadOnlyList<string> Recovered { get; }

    /// <summary>True once the new output is in place.</summary>
    public bool Committed => _committed;

    /// <summary>Takes the lock of &lt;out&gt;/&lt;dataset&gt;, recovers what a killed run left, and creates the run's folder.</summary>
    public static DatasetOutput Open(string outRoot, string dataset)
    {
        Directory.CreateDirectory(outRoot);
        var final = Path.GetFullPath(Path.Combine(outRoot, dataset));
        var held = OutputLock.Take(outRoot, dataset, final);
        try
        {
            return new DatasetOutput(outRoot, dataset, held, Recover(outRoot, dataset, final));
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the run's folder from the previous output: the given folders are linked in (hard links), so the run only
    /// adds files and deletes names there and the previous output stays as it was. Everything else is written anew.
    /// </summary>
    public void StartFromPrevious(IEnumerable<string> folders)
    {
        if (!Directory.Exists(FinalFolder))
        {
            return;
        }
        foreach (var folder in folders)
        {
            HardLinks.Copy(Path.Combine(FinalFolder, folder), Path.Combine(WorkFolder, folder));
        }
    }

    /// <summary>Swaps the finished folder in: marked complete, previous output aside, new one in, previous one deleted.</summary>
    public void Commit()
    {
        File.WriteAllText(Path.Combine(WorkFolder, CompleteMarker), _id);
        FaultPoint.Reach(FaultPoint.Marked);
        var previous = Path.Combine(Path.GetDirectoryName(FinalFolder)!, $".{Path.GetFileName(FinalFolder)}.previous-{_id}");
        var hadPrevious = Directory.Exists(FinalFolder);
        if (hadPrevious)
        {
            Directory.Move(FinalFolder, previous);
            FaultPoint.Reach(FaultPoint.PreviousMovedAside);
        }
        try
        {
            Directory.Move(WorkFolder, FinalFolder);
        }
        catch
        {
            if (hadPrevious)
            {
                Directory.Move(previous, FinalFolder);
            }
            throw;
        }
        _committed = true;
        File.Delete(Path.Combine(FinalFolder, CompleteMarker));
        FaultPoint.Reach(FaultPoint.NewInPlace);
        if (hadPrevious)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Says, truthfully, where the output stands after a failed run (before or without a commit).</summary>
    public string StateAfterFailure() => _committed
        ? $"{FinalFolder} holds this run's output."
        : Directory.Exists(FinalFolder) ? $"{FinalFolder} still holds the previous run's output." : $"Nothing was written to {FinalFolder}.";

    public void Dispose()
    {
        try
        {
            if (!_committed && Directory.Exists(WorkFolder))
            {
                Directory.Delete(WorkFolder, recursive: true);
            }
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private static List<string> Recover(string outRoot, string dataset, string final)
    {
        var recovered = new List<string>();
        // .running-* folders are what runs of earlier versions left; they were never complete.
        var works = Directory.GetDirectories(outRoot, $".{dataset}.work-*").Concat(Directory.GetDirectories(outRoot, $".{dataset}.running-*")).ToArray();
        var previous = Directory.GetDirectories(outRoot, $".{dataset}.previous-*");
        if (!Directory.Exists(final))
        {
            var complete = works.Where(w => File.Exists(Path.Combine(w, CompleteMarker))).OrderByDescending(Directory.GetLastWriteTimeUtc).FirstOrDefault();
            if (complete is not null)
            {
                Directory.Move(complete, final);
                File.Delete(Path.Combine(final, CompleteMarker));
                recovered.Add($"a run was killed while putting its output in place; its complete output is now {final}");
            }
            else if (previous.FirstOrDefault() is { } restore)
            {
                Directory.Move(restore, final);
                recovered.Add($"a run was killed while putting its output in place; the previous output is back in {final}");
            }
        }
        var leftovers = works.Concat(previous).Where(Directory.Exists).ToList();
        foreach (var folder in leftovers)
        {
            Directory.Delete(folder, recursive: true);
        }
        if (leftovers.Count > 0)
        {
            recovered.Add($"removed {leftovers.Count} folder(s) left by killed runs: {string.Join(", ", leftovers.Select(Path.GetFileName))}");
        }
        return recovered;
    }
}
