namespace DataPipeline.Compiler.Internal;

/// <summary>
/// The path Spark's get_json_object takes for a top-level key. Spark reads paths by a grammar of its own (JsonPathParser
/// in sql/catalyst/.../jsonExpressions.scala): ['name'] holds no ' or ?, .name holds no . or [, and ['*'] and a name
/// starting with * are wildcards; a path it cannot parse gives NULL on every row. Its parser skips white space before
/// each name (Scala's RegexParsers, until SPARK-51740), so a key starting with white space would read another key.
/// </summary>
internal static class SparkJsonPath
{
    /// <summary>$['key'] where Spark reads it so, else $.key, else null (no path names the key).</summary>
    public static string? Of(string key)
    {
        if (key.Length == 0 || key[0] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
        {
            return null;
        }
        if (key.IndexOfAny(['\'', '?']) < 0 && key != "*")
        {
            return $"$['{key}']";
        }
        return key.IndexOfAny(['.', '[']) < 0 && !key.StartsWith('*') ? "$." + key : null;
    }
}
