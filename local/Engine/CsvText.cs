using System.Globalization;

namespace DataPipeline.Local.Engine;

/// <summary>Values as CSV fields (RFC 4180, invariant culture); NULL is an empty field.</summary>
internal static class CsvText
{
    public static string Line(IEnumerable<object?> values) => string.Join(",", values.Select(Field));

    public static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Field(object? value)
    {
        var text = Text(value);
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
