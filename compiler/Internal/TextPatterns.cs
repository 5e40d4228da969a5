namespace DataPipeline.Compiler.Internal;

/// <summary>
/// Shapes a text must have before it is cast, so both engines accept and reject the same values (Spark casts
/// '1.5' to INT 1 and DuckDB rounds it to 2; both read 'NaN' as a double). They end in \z, not $: Java's $ also
/// matches before a final line break, and Spark's casts trim it ('12\n' is 12), where RE2's $ is the end of the text.
/// </summary>
internal static class TextPatterns
{
    public const string Integer = "^[+-]?[0-9]+\\z";

    /// <summary>Plain decimal or scientific notation: 12, -1.5, .5, 1., 6.02e23.</summary>
    public const string Number = "^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\\z";

    /// <summary>The largest finite double; Spark and DuckDB both cast '1e400' to Infinity, which is rejected.</summary>
    public const string LargestDouble = "1.7976931348623157E308";

    public static readonly string[] TrueWords = ["true", "t", "1", "yes", "y"];

    public static readonly string[] FalseWords = ["false", "f", "0", "no", "n"];
}
