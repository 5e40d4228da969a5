using System.Text;

namespace DataPipeline.Compiler;

/// <summary>
/// The regular expressions a column's rule may use: the syntax Java (Spark's RLIKE) and RE2 (DuckDB) read alike.
/// Literals, escaped punctuation, \d \D \w \W \s \S \t \n \r \f \xHH, classes [...] with ranges, groups ( ) and (?: ),
/// alternation, the quantifiers * + ? {n} {n,} {n,m} (and their lazy forms), the anchors ^ and $.
/// Three constructs mean different things in the two engines and are compiled to one meaning: $ matches only at the
/// very end (\z; Java's $ also matches before a final line break), . matches any character but a line feed ([^\n];
/// Java's also skips \r and U+2028), and \s is [ \t\n\x0B\f\r] (Java's \s holds \x0B, RE2's does not).
/// </summary>
public static class PortableRegex
{
    private const string Space = "\\t\\n\\x0B\\f\\r ";

    private static readonly string[] Unsupported =
    [
        "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?<", "(?P",
    ];

    /// <summary>What in the pattern the two engines read differently, as a sentence that says what to do; null when it is portable.</summary>
    public static string? Problem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            Compile(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>The pattern with $, . and \s given their one meaning; throws ArgumentException naming a construct that is not portable.</summary>
    public static string Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var output = new StringBuilder();
        var inClass = false;
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    throw new ArgumentException("ends in a backslash; escape a backslash as \\\\.");
                }
                output.Append(Escape(pattern, ref i, inClass));
                continue;
            }
            if (inClass)
            {
                if (c == '[')
                {
                    throw Refuse(pattern.AsSpan(i).StartsWith("[:") ? "a POSIX class [[:...:]]" : "'[' inside a character class", "escape it as \\[ or spell the class out, e.g. [a-z]");
                }
                if (c == '&' && i + 1 < pattern.Length && pattern[i + 1] == '&')
                {
                    throw Refuse("'&&' inside a character class (Java reads it as an intersection)", "spell the class out");
                }
                if (c == ']')
                {
                    inClass = false;
                }
                output.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    output.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        output.Append('^');
                        i++;
                    }
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        throw Refuse("']' first in a character class", "escape it as \\]");
                    }
                    break;
                case '(':
                    if (pattern.AsSpan(i).StartsWith("(?"))
                    {
                        if (!pattern.AsSpan(i).StartsWith("(?:"))
                        {
                            var construct = Unsupported.FirstOrDefault(u => pattern.AsSpan(i).StartsWith(u)) ?? "(?" + (i + 2 < pattern.Length ? pattern[i + 2].ToString() : "");
                            throw Refuse($"'{construct}' (a lookaround, named group or inline flag)", "use plain groups ( ) or (?: ), and write both cases of a letter, e.g. [Aa]");
                        }
                    }
                    depth++;
                    output.Append(c);
                    break;
                case ')':
                    depth--;
                    output.Append(c);
                    break;
                case '$':
                    output.Append("\\z");
                    break;
                case '.':
                    output.Append("[^\\n]");
                    break;
                case '*' or '+' or '?' or '}':
                    output.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '+')
                    {
                        throw Refuse($"the possessive quantifier '{c}+'", $"drop the second '+' ({c} alone, or {c}? for lazy)");
                    }
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
        if (inClass)
        {
            throw new ArgumentException("opens a character class that is not closed; add ']'.");
        }
        if (depth != 0)
        {
            throw new ArgumentException("has unbalanced parentheses; close every '(' with ')'.");
        }
        var compiled = output.ToString();
        try
        {
            _ = new System.Text.RegularExpressions.Regex(compiled);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"is not a valid regular expression ({e.Message.Split('\n')[0].Trim()}); fix the pattern.", e);
        }
        return compiled;
    }

    private static string Escape(string pattern, ref int i, bool inClass)
    {
        var next = pattern[++i];
        switch (next)
        {
            case 'd' or 'D' or 'w' or 'W' or 't' or 'n' or 'r' or 'f':
                return "\\" + next;
            case 's':
                return inClass ? Space : $"[{Space}]";
            case 'S':
                return inClass ? throw Refuse("\\S inside a character class", "write the class out, e.g. [^ \\t]") : $"[^{Space}]";
            case 'x':
                if (i + 2 < pattern.Length && Uri.IsHexDigit(pattern[i + 1]) && Uri.IsHexDigit(pattern[i + 2]))
                {
                    var hex = pattern.Substring(i + 1, 2);
                    i += 2;
                    return "\\x" + hex;
                }
                throw Refuse("\\x without two hex digits", "write \\xHH, e.g. \\x41");
            case >= '0' and <= '9':
                throw Refuse($"the back-reference \\{next}", "match the text without one (RE2 has none)");
            case 'z' or 'A':
                return "\\" + next;
            case 'b' or 'B' or 'Z' or 'G' or 'p' or 'P' or 'Q' or 'E' or 'u' or 'h' or 'H' or 'v' or 'V' or 'R' or 'X' or 'e' or 'c' or 'k' or 'N':
                throw Refuse($"\\{next}", "the engines read it differently or only one knows it; spell out what it stands for, e.g. [A-Za-z] for \\p{L} of ASCII letters");
            case var letter when char.IsAsciiLetter(letter):
                throw Refuse($"\\{letter}", "remove the backslash or use a class");
            default:
                return "\\" + next;
        }
    }

    private static ArgumentException Refuse(string construct, string todo) =>
        new($"uses {construct}: Spark (Java regex) and DuckDB (RE2) read it differently, so {todo}.");
}
