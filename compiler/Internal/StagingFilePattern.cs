using DataPipeline.Config.Model;

namespace DataPipeline.Compiler.Internal;

/// <summary>
/// Which files under staging/&lt;table&gt;/ (in any subfolder) are read: names ending in the format's extensions, gzip
/// compressed or not, ignoring case; a file or folder whose name starts with '.' or '_' is hidden (Hadoop's and Spark's
/// rule), so _SUCCESS, .DS_Store and _temporary/ are never read. Written as a regex that .NET and Python read alike.
/// </summary>
internal static class StagingFilePattern
{
    public static string Of(SourceKind kind)
    {
        var extensions = kind switch
        {
            SourceKind.Csv => "csv|tsv",
            SourceKind.JsonLines => "jsonl|ndjson|json",
            _ => "json",
        };
        return $"(?i)^(?:[^/._][^/]*/)*[^/._][^/]*\\.(?:{extensions})(?:\\.gz)?$";
    }
}
