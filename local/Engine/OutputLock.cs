namespace DataPipeline.Local.Engine;

/// <summary>
/// The lock of one &lt;out&gt;/&lt;dataset&gt;: the file &lt;out&gt;/.&lt;dataset&gt;.lock held open exclusively (an
/// operating-system lock, released when the process ends, even by a kill), so two runs never write one output.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _file;
    private readonly string _path;

    private OutputLock(FileStream file, string path)
    {
        _file = file;
        _path = path;
    }

    public static string PathOf(string outRoot, string dataset) => Path.Combine(outRoot, $".{dataset}.lock");

    public static OutputLock Take(string outRoot, string dataset, string finalFolder)
    {
        var path = PathOf(outRoot, dataset);
        try
        {
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException e)
        {
            throw new LocalRunException($"Another run is writing {finalFolder} (it holds {path}); wait for it to finish, or pass another --out.", e);
        }
    }

    /// <summary>Deletes the lock file while still holding it (so no other run can take a lock on a file about to vanish), then releases it.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        finally
        {
            _file.Dispose();
        }
    }
}
