using System.Buffers;
using System.Text;

namespace DataPipeline.Bench.Spotify;

/// <summary>Writes a CSV file row by row: comma, '"' quotes only where a field needs them (RFC 4180), LF line ends, UTF-8 without BOM.</summary>
internal sealed class CsvFileWriter : IDisposable
{
    private static readonly SearchValues<char> CharactersThatNeedQuotes = SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;

    public CsvFileWriter(string path)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
    }

    public void WriteRow(IReadOnlyList<string> fields)
    {
        for (var index = 0; index < fields.Count; index++)
        {
            if (index > 0)
            {
                _writer.Write(',');
            }
            WriteField(fields[index]);
        }
        _writer.Write('\n');
    }

    public void Dispose() => _writer.Dispose();

    private void WriteField(string field)
    {
        if (field.AsSpan().IndexOfAny(CharactersThatNeedQuotes) < 0)
        {
            _writer.Write(field);
            return;
        }
        _writer.Write('"');
        _writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}
