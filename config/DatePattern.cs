using System.Text;
using System.Text.RegularExpressions;

namespace DataPipeline.Config;

/// <summary>
/// The date and timestamp patterns a column's format may use: Spark's letters yyyy MM dd HH mm ss SSS and the
/// separators - / : . space and 'T'. Kept to what both Spark (to_date/to_timestamp) and DuckDB (strptime) parse
/// the same way; the text shape is also checked by a regex so both engines reject the same inputs.
/// </summary>
public static partial class DatePattern
{
    public const string DefaultDate = "yyyy-MM-dd";
    public const string DefaultTimestamp = "yyyy-MM-dd HH:mm:ss";
    public const string SupportedLetters = "yyyy MM dd HH mm ss SSS";

    private static readonly (string Token, string Strftime, string Regex)[] Tokens =
    [
        ("yyyy", "%Y", "[0-9]{4}"),
        ("MM", "%m", "[0-9]{2}"),
        ("dd", "%d", "[0-9]{2}"),
        ("HH", "%H", "[0-9]{2}"),
        ("mm", "%M", "[0-9]{2}"),
        ("ss", "%S", "[0-9]{2}"),
        ("SSS", "%g", "[0-9]{3}"),
        ("'T'", "T", "T"),
        ("-", "-", "-"),
        ("/", "/", "/"),
        (":", ":", ":"),
        (".", ".", "[.]"),
        (" ", " ", " "),
    ];

    public static bool IsSupported(string pattern) => Tokenize(pattern) is not null;

    /// <summary>The pattern in DuckDB strptime notation (%Y-%m-%d).</summary>
    public static string ToStrftime(string pattern) => Translate(pattern, t => t.Strftime);

    /// <summary>An anchored regex that the text of a value must match; \z, as Java's $ also matches before a final line break.</summary>
    public static string ToRegex(string pattern) => "^" + Translate(pattern, t => t.Regex) + "\\z";

    private static string Translate(string pattern, Func<(string Token, string Strftime, string Regex), string> pick)
    {
        var tokens = Tokenize(pattern) ?? throw new ArgumentException($"Unsupported date pattern '{pattern}'.", nameof(pattern));
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            builder.Append(pick(token));
        }
        return builder.ToString();
    }

    private static List<(string Token, string Strftime, string Regex)>? Tokenize(string pattern)
    {
        var result = new List<(string, string, string)>();
        var position = 0;
        while (position < pattern.Length)
        {
            var match = Tokens.FirstOrDefault(t => string.CompareOrdinal(pattern, position, t.Token, 0, t.Token.Length) == 0);
            if (match.Token is null)
            {
                return null;
            }
            result.Add(match);
            position += match.Token.Length;
        }
        return result.Count == 0 ? null : result;
    }
}
