using System.Text;

namespace DataPipeline.Tests.Local;

/// <summary>A staging CSV read back independently of the generator: RFC 4180 quotes, comma, LF or CRLF.</summary>
internal sealed record SampleCsv(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public static SampleCsv Read(string path)
    {
        var records = Parse(File.ReadAllText(path));
        return new SampleCsv(records[0], records.Skip(1).ToList());
    }

    public int Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"No column '{name}' in {string.Join(",", Header)}.", nameof(name));
    }

    public IEnumerable<string> Values(string column)
    {
        var index = Column(column);
        return Rows.Select(row => row[index]);
    }

    private static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var position = 0; position < text.Length; position++)
        {
            var character = text[position];
            if (quoted)
            {
                if (character != '"')
                {
                    field.Append(character);
                }
                else if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (character)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    break;
                default:
                    field.Append(character);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }
}
