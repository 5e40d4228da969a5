namespace DataPipeline.Compiler.Internal;

/// <summary>
/// Makes the text of a SQL file usable as a view body: drops its final ';' (comments stay) and refuses a second
/// statement. Skips '...' and "..." and `...` (a doubled quote stays inside), -- line and /* block */ comments.
/// </summary>
internal static class SingleStatement
{
    public static string Of(string sql, string source)
    {
        var semicolon = -1;
        var endsInLineComment = false; // after dropping ';' and trailing space, the text ends inside a -- comment
        var hasCode = false;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '-' && At(sql, i, "--"))
            {
                var end = sql.IndexOf('\n', i);
                endsInLineComment = true;
                i = end < 0 ? sql.Length : end + 1;
                continue;
            }
            if (c == '/' && At(sql, i, "/*"))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                endsInLineComment = false;
                i = end < 0 ? sql.Length : end + 2;
                continue;
            }
            if (semicolon >= 0)
            {
                throw new ArgumentException($"{source} holds more than one statement; keep one SELECT per file.", nameof(sql));
            }
            if (c == ';')
            {
                semicolon = i++;
                continue;
            }
            hasCode = true;
            endsInLineComment = false;
            i = c is '\'' or '"' or '`' ? AfterQuoted(sql, i) : i + 1;
        }
        if (!hasCode)
        {
            throw new ArgumentException($"{source} holds no SQL; write one SELECT in it.", nameof(sql));
        }
        var text = (semicolon < 0 ? sql : sql.Remove(semicolon, 1)).TrimEnd();
        // A final -- comment would swallow whatever an executor writes after the SQL.
        return endsInLineComment ? text + "\n" : text;
    }

    private static bool At(string sql, int index, string token) => string.CompareOrdinal(sql, index, token, 0, token.Length) == 0;

    private static int AfterQuoted(string sql, int start)
    {
        var quote = sql[start];
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }
}
