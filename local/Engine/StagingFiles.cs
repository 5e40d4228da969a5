using System.Text.RegularExpressions;
using DataPipeline.Compiler;

namespace DataPipeline.Local.Engine;

/// <summary>The staging files of one table, found as the Glue runner finds them. Files are only ever read.</summary>
internal static class StagingFiles
{
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
