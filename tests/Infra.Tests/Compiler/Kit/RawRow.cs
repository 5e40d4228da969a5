namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>
/// A record of a staging file: the text of every column read from the file, written as a CSV line (a NULL as an empty
/// field, an empty text as "", quoted where the grammar needs it), or a line taken as it is.
/// </summary>
internal sealed record RawRow(IReadOnlyList<string?> Values, string? Line = null)
{
    public static RawRow Of(params string?[] values) => new(values);

    /// <summary>A line written as it is, e.g. one that breaks the CSV rules.</summary>
    public static RawRow Malformed(string line) => new([], line);

    public string ToCsv(char delimiter = ',', char quote = '"') => Line ?? string.Join(delimiter, Values.Select(v => v switch
    {
        null => "",
        "" => $"{quote}{quote}",
        _ when v.Contains(delimiter) || v.Contains(quote) || v.Contains('\n') => quote + v.Replace(quote.ToString(), $"{quote}{quote}") + quote,
        _ => v,
    }));
}
