using System.Text.RegularExpressions;
using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>The staging files of one table, found as the Glue runner finds them. Files are only ever read.</summary>
internal static class StagingFiles
{
    /// <summary>
    /// A message for each file whose name ends in '.gz' in another case: DuckDB would read it, but Spark decompresses
    /// only '.gz' exactly, so both engines refuse it (the Glue runner says the same).
    /// </summary>
    public static IReadOnlyList<string> GzipSuffixProblems(IEnumerable<StagingFile> files) =>
        files.Where(f => f.RelativePath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) && !f.RelativePath.EndsWith(".gz", StringComparison.Ordinal))
            .Select(f => $"{f.RelativePath}: ends in '{f.RelativePath[^3..]}', which Spark does not read as gzip (it decompresses only files ending in '.gz', in lower case); rename the file to end in .gz.")
            .Order(StringComparer.Ordinal)
            .ToList();

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
