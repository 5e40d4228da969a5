using System.Runtime.InteropServices;

namespace DataPipeline.Local.Engine;

/// <summary>
/// Copies a folder tree as hard links (each file a second name for the same bytes, made in microseconds), falling
/// back to copying where the file system cannot link. A run then changes its copy only by adding files and deleting
/// names, never by writing into a file, so the previous output stays as it was.
/// </summary>
internal static class HardLinks
{
    public static void Copy(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (OperatingSystem.IsWindows() || Link(file, target) != 0)
            {
                File.Copy(file, target);
            }
        }
    }

    // Strings go to libc as UTF-8 on Linux and macOS.
    [DllImport("libc", EntryPoint = "link", CharSet = CharSet.Ansi)]
    private static extern int Link(string existing, string created);
}
