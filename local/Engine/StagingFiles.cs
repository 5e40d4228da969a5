using System.Text.RegularExpressions;
using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>The staging files of one table, found as the Glue runner finds them. Files are only ever read.</summary>
internal static class StagingFiles
{
    private static readonly char[] UnreadableNameCharacters = ['*', '?', '[', ']', '{', '}', '\\', ':'];

    /// <summary>
    /// A message for each file whose name ends in '.gz' in another case: DuckDB would read it, but Spark decompresses
    /// only '.gz' exactly, so both engines refuse it (the Glue runner says the same).
    /// </summary>
    public static IReadOnlyList<string> GzipSuffixProblems(IEnumerable<StagingFile> files) =>
        files.Where(f => f.RelativePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !f.RelativePath.EndsWith(".gz", StringComparison.Ordinal))
            .Select(f => $"{f.RelativePath}: ends in '{f.RelativePath[^3..]}', which Spark does not read as gzip (it decompresses only files ending in '.gz', in lower case); rename the file to end in .gz.")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A message for each file whose path holds a character Spark cannot take as a name: it reads each path it is given
    /// as a Hadoop glob, so * ? [ ] { } and \ would read other files or none (SPARK-32810), and a Hadoop Path cannot
    /// hold ':' in a name (HADOOP-14217). DuckDB would read most of them, so both engines refuse them alike.
    /// </summary>
    public static IReadOnlyList<string> FileNameProblems(IEnumerable<StagingFile> files) =>
        files.Where(f => f.RelativePath.IndexOfAny(UnreadableNameCharacters) >= 0)
            .Select(f => $"{f.RelativePath}: holds '{f.RelativePath[f.RelativePath.IndexOfAny(UnreadableNameCharacters)]}', which Spark reads as part of a pattern or a URI, not as a name; rename the file (or its folder) without * ? [ ] {{ }} \\ or :.")
            .ToList();

    /// <summary>Every problem of the names of the files to read, in path order, as the Glue runner reports them.</summary>
    public static IReadOnlyList<string> NameProblems(IReadOnlyList<StagingFile> files) =>
        FileNameProblems(files).Concat(GzipSuffixProblems(files)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every file under &lt;staging&gt;/&lt;table&gt;/, in any subfolder, that the plan's file pattern selects.</summary>
    public static StagingListing Of(string stagingFolder, string table, SourcePlan source)
    {
        var folder = Path.Combine(stagingFolder, table);
        if (!Directory.Exists(folder))
        {
            return new StagingListing(folder, [], [], FolderExists: false);
        }
        var pattern = new Regex(source.FilePattern, RegexOptions.CultureInvariant);
        var read = new List<StagingFile>();
        var ignored = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (pattern.IsMatch(relative))
            {
                var info = new FileInfo(path);
                read.Add(new StagingFile(path, relative, info.Length, info.LastWriteTimeUtc));
            }
            else
            {
                ignored.Add(relative);
            }
        }
        return new StagingListing(
            folder,
            read.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList(),
            ignored.Order(StringComparer.Ordinal).ToList(),
            FolderExists: true);
    }
}
