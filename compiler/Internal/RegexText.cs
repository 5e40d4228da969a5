namespace DataPipeline.Compiler.Internal;

/// <summary>Characters written into regexes that mean the same in Java regex (Spark) and RE2 (DuckDB).</summary>
internal static class RegexText
{
    /// <summary>The character as a regex literal, inside or outside a [...] class: letters and digits as they are, a tab as \t, any other ASCII character behind a backslash.</summary>
    public static string Escape(char c) => c switch
    {
        '\t' => "\\t",
        _ when char.IsAsciiLetterOrDigit(c) || c > '\x7f' => c.ToString(),
        _ when c < ' ' => $"\\x{(int)c:x2}",
        _ => "\\" + c,
    };

    public static string Escape(string text) => string.Concat(text.Select(Escape));
}
