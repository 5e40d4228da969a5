namespace DataPipeline.Config;

/// <summary>Where a config record was written: its file, its key path and the line of each of its keys.</summary>
public sealed record Origin(string File, string Path, int Line, IReadOnlyDictionary<string, int> KeyLines)
{
    public static Origin Nowhere { get; } = new("(generated)", "", 0, new Dictionary<string, int>());

    public string KeyPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : Line;

    public ConfigError Error(string key, string message) => new(File, LineOf(key), KeyPath(key), message);

    /// <summary>An error about the record as a whole, reported at its first line.</summary>
    public ConfigError Error(string message) => new(File, Line, Path, message);
}
