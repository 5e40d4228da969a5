namespace DataPipeline.Local.Engine;

/// <summary>A staging file of a table: where it is, its path under the table's folder, its size and when it was last written.</summary>
internal sealed record StagingFile(string FullPath, string RelativePath, long Bytes, DateTime ModifiedUtc)
{
    /// <summary>The plan's _arrival: modification time in UTC to the microsecond, a space, the path (sortable as text).</summary>
    public string Arrival => ModifiedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + " " + RelativePath;
}
