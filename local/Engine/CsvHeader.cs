using System.Text;

namespace DataPipeline.Local.Engine;

/// <summary>Splits one CSV header line into names (quotes removed, a doubled quote kept as one).</summary>
internal static class CsvHeader
{
    public static IReadOnlyList<string> Split(string line, string delimiter, string quote)
    {
        line = line.TrimStart('\uFEFF');
        var names = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (quote.Length > 0 && string.CompareOrdinal(line, i, quote, 0, quote.Length) == 0)
            {
                if (quoted && string.CompareOrdinal(line, i + quote.Length, quote, 0, quote.Length) == 0)
                {
                    current.Append(quote);
                    i += 2 * quote.Length - 1;
                    continue;
                }
                quoted = !quoted;
                i += quote.Length - 1;
            }
            else if (!quoted && string.CompareOrdinal(line, i, delimiter, 0, delimiter.Length) == 0)
            {
                names.Add(current.ToString());
                current.Clear();
                i += delimiter.Length - 1;
            }
            else
            {
                current.Append(line[i]);
            }
        }
        names.Add(current.ToString());
        return names;
    }
}
