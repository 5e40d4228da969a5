using DataPipeline.Config.Model;

namespace DataPipeline.Compiler;

/// <summary>
/// Everything that differs between the SQL engines a plan runs on: quoting, literals, regex matching, date parsing,
/// list and JSON functions, and type names. The compiler writes only standard SQL that Spark 3.3+ and DuckDB both
/// accept, and asks the dialect for the rest, so the two engines cannot drift apart.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Spark SQL as run by Glue 4.0 (Spark 3.3) and 5.0 (Spark 3.5).</summary>
    public static SqlDialect Spark { get; } = new SparkDialect();

    /// <summary>DuckDB, the local engine.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>Short lowercase name ("spark", "duckdb"), written into plans and snapshot file names.</summary>
    public abstract string Name { get; }

    /// <summary>The type name of text values in CAST.</summary>
    public abstract string TextType { get; }

    public abstract string Quote(string identifier);

    /// <summary>A string literal holding exactly <paramref name="text"/>.</summary>
    public abstract string Literal(string text);

    /// <summary>True when the text matches the regex anywhere (anchor it with ^ and \z to match the whole text).</summary>
    public abstract string RegexMatches(string expression, string regex);

    /// <summary>Every match of the regex in the text, left to right, as a list; the regex must not match an empty text.</summary>
    public abstract string RegexMatchList(string expression, string regex);

    /// <summary>
    /// The quantifier "as many as possible, never given back" in this engine's regexes, for patterns whose matches never
    /// need one back: Java's possessive *+, without which java.util.regex recurses once per repetition of a group and
    /// overflows a task's stack on long input; RE2's plain *, as RE2 does not backtrack.
    /// </summary>
    public abstract string RepeatWithoutGivingBack { get; }

    /// <summary>The text split at every occurrence of one character, as a list (empty parts kept, also at the end).</summary>
    public abstract string SplitOn(string expression, char separator);

    /// <summary>The list with <paramref name="body"/> applied to each element, named <paramref name="variable"/> in it.</summary>
    public abstract string Transform(string list, string variable, string body);

    /// <summary>The element at a 1-based position; NULL when the position is NULL or past the end.</summary>
    public abstract string Element(string list, string position);

    /// <summary>The number of elements of a list that is not NULL.</summary>
    public abstract string Size(string list);

    /// <summary>The 1-based position of the first element equal to the value; NULL when there is none.</summary>
    public abstract string Position(string list, string value);

    /// <summary>How many elements equal the value.</summary>
    public abstract string CountEqual(string list, string value);

    /// <summary>The list without its first element (empty for a list of one).</summary>
    public abstract string WithoutFirst(string list);

    /// <summary>The list without its last element (empty for a list of one).</summary>
    public abstract string WithoutLast(string list);

    /// <summary>A list of one element.</summary>
    public abstract string ListOf(string element);

    /// <summary>The lists' elements, one list after the other.</summary>
    public abstract string Concat(params string[] lists);

    /// <summary>TRUE when the text starts with the prefix (both not NULL).</summary>
    public abstract string StartsWith(string expression, string prefix);

    /// <summary>TRUE when the text ends with the suffix (both not NULL).</summary>
    public abstract string EndsWith(string expression, string suffix);

    /// <summary>The text with A-Z lower-cased and every other character kept (the engines' LOWER differ on other letters, İ and final sigma among them).</summary>
    public abstract string LowerAscii(string expression);

    /// <summary>The elements as one text, separated by <paramref name="separator"/>.</summary>
    public abstract string Join(string list, string separator);

    /// <summary>True for a text that is one JSON object, false otherwise (never NULL, never an error).</summary>
    public abstract string IsJsonObject(string expression);

    /// <summary>The value of a top-level key of a JSON object as text (nested values as JSON); NULL when absent or null.</summary>
    public abstract string JsonText(string expression, string key);

    /// <summary>The date of a text in a Spark pattern (yyyy-MM-dd); NULL when it does not parse or is no real date.</summary>
    public abstract string ParseDate(string expression, string pattern);

    /// <summary>The timestamp of a text in a Spark pattern (yyyy-MM-dd HH:mm:ss); NULL when it does not parse.</summary>
    public abstract string ParseTimestamp(string expression, string pattern);

    public abstract string TypeName(ColumnType type);

    /// <summary>TRY_CAST: the value in the type, or NULL when it does not convert (same syntax in both engines).</summary>
    public string TryCast(string expression, ColumnType type) => $"TRY_CAST({expression} AS {TypeName(type)})";

    /// <summary>The text of the group of the first match, '' when the regex does not match (same in both engines).</summary>
    public string RegexExtract(string expression, string regex, int group) => $"regexp_extract({expression}, {Literal(regex)}, {group})";

    public override string ToString() => Name;
}
