using System.Globalization;

namespace DataPipeline.Local.Engine;

/// <summary>A value as the report shows it (invariant culture); NULL is an empty text.</summary>
internal static class ValueText
{
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
}
