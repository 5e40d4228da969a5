namespace DataPipeline.Local.Engine;

/// <summary>
/// The output of one dataset run, built in a temporary folder beside &lt;out&gt;/&lt;dataset&gt; (same filesystem, so
/// the final moves are renames) and put in place only when the whole run succeeded. Disposing without
/// <see cref="Commit"/> removes the temporary folder and leaves the previous output untouched.
/// </summary>
internal sealed class DatasetOutput : IDisposable
{
    private bool _committed;

    public DatasetOutput(string outRoot, string dataset)
    {
        Directory.CreateDirectory(outRoot);
        FinalFolder = Path.GetFullPath(Path.Combine(outRoot, dataset));
        WorkFolder = Path.GetFullPath(Path.Combine(outRoot, $".{dataset}.running-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(WorkFolder);
    }

    public string FinalFolder { get; }

    /// <summary>Where the run writes; becomes <see cref="FinalFolder"/> on commit.</summary>
    public string WorkFolder { get; }

    /// <summary>Swaps the finished folder in: previous output aside, new one in, previous one deleted.</summary>
    public void Commit()
    {
        var previous = FinalFolder + $".previous-{Guid.NewGuid():N}";
        var hadPrevious = Directory.Exists(FinalFolder);
        if (hadPrevious)
        {
            Directory.Move(FinalFolder, previous);
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
        if (hadPrevious)
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(WorkFolder))
        {
            Directory.Delete(WorkFolder, recursive: true);
        }
    }
}
