using System.Globalization;

namespace DataPipeline.Bench.Spotify;

/// <summary>Values written the way the public dataset writes them: invariant culture, no trailing zeros.</summary>
internal static class ValueText
{
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Up to three decimals, as Spotify gives loudness and tempo: -5.883, 120.02.</summary>
    public static string ThreeDecimals(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Three significant digits and at most six decimals, as Spotify gives its 0..1 features: 0.735, 0.0461, 0.000902.</summary>
    public static string ThreeSignificant(double value)
    {
        if (value < 0.0000005)
        {
            return "0";
        }
        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(value)), 3, 6);
        return Math.Round(value, decimals).ToString("0.######", CultureInfo.InvariantCulture);
    }

    /// <summary>Milliseconds as seconds with exactly three decimals, computed without floating point: 213573 → 213.573.</summary>
    public static string Seconds(int milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000}.{milliseconds % 1000:000}");

    public static string Date(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}");

    public static string Boolean(bool value) => value ? "True" : "False";
}
