using System.IO.Compression;
using System.Text;

namespace DataPipeline.Local.Engine;

/// <summary>
/// The first line of a staging file that is not blank (only characters up to U+0020), without a byte-order mark; the
/// plan's _first_line. The Glue runner reads it alike (etl/glue_runner.py, first_line).
/// </summary>
internal static class FirstLine
{
    public static string? Of(string path, string encoding)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Decoder(encoding), detectEncodingFromByteOrderMarks: false);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            line = line.TrimStart('\uFEFF');
            if (line.Any(c => c > ' '))
            {
                return line;
            }
        }
        return null;
    }

    private static Encoding Decoder(string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        "latin-1" => Encoding.Latin1,
        "utf-16" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        _ => throw new ArgumentException($"Encoding '{encoding}' is not one the plan may name; recompile the plan.", nameof(encoding)),
    };
}
