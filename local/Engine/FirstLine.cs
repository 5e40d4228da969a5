using System.IO.Compression;
using System.Text;

namespace DataPipeline.Local.Engine;

/// <summary>
/// The first line of a staging file that is not blank (only characters up to U+0020), without a byte-order mark and
/// without its line end ('\n', and a '\r' before it): the plan's _first_line. The Glue runner reads it alike
/// (etl/glue_runner.py, first_line); both are tested against tests/contract/first_lines.json.
/// </summary>
internal static class FirstLine
{
    public static string? Of(string path, string encoding)
    {
        using var file = File.OpenRead(path);
        return Of(file, encoding, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
    }

    public static string? Of(Stream file, string encoding, bool gzip)
    {
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : file;
        using var reader = new StreamReader(stream, Decoder(encoding), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var line = new StringBuilder();
        for (var next = reader.Read(); ; next = reader.Read())
        {
            if (next is '\n' or -1)
            {
                var text = line.ToString().TrimStart('\uFEFF');
                if (text.EndsWith('\r'))
                {
                    text = text[..^1];
                }
                if (text.Any(c => c > ' '))
                {
                    return text;
                }
                if (next == -1)
                {
                    return null;
                }
                line.Clear();
                continue;
            }
            line.Append((char)next);
        }
    }

    private static Encoding Decoder(string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        "latin-1" => Encoding.Latin1,
        "utf-16" => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        _ => throw new ArgumentException($"Encoding '{encoding}' is not one the plan may name; recompile the plan.", nameof(encoding)),
    };
}
