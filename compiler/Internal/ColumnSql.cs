using System.Globalization;
using DataPipeline.Config;
using DataPipeline.Config.Model;

namespace DataPipeline.Compiler.Internal;

/// <summary>
/// The SQL expressions of one column: its cleaned text, its typed value and its checks, in one dialect. Text functions
/// are the engines' common ground: trimming removes spaces and tabs only, lower-casing changes A-Z only, so Spark and
/// DuckDB decide every value alike (their TRIM and LOWER differ on other Unicode characters).
/// </summary>
/// <param name="mayBePadded">
/// A condition that is TRUE whenever the column's raw text may start or end with a space or tab (the record's flag that
/// its line has one beside a delimiter, a quote or an end), so the others skip the per-value test; null: test every value.
/// </param>
internal sealed class ColumnSql(ColumnDefinition column, SqlDialect dialect, IReadOnlyList<string> nullValues, string? mayBePadded = null)
{
    /// <summary>What trimming removes, on both engines.</summary>
    public const string TrimmedCharacters = " \t";

    public string Name => column.Name;

    public ColumnDefinition Column => column;

    /// <summary>The column's text as read from the record (a field, a JSON value or a folder), before cleaning.</summary>
    public string Raw => dialect.Quote(RawAlias(column.Name));

    /// <summary>The cleaned text, an intermediate column of the typed step.</summary>
    public string Text => dialect.Quote("_text_" + column.Name);

    public string Typed => dialect.Quote(column.Name);

    private bool IsString => column.Type.Kind == ColumnKind.String;

    public static string RawAlias(string column) => "_raw_" + column;

    /// <summary>
    /// The text without leading and trailing spaces and tabs. TRIM runs only when an end holds one: most values have
    /// none, and DuckDB's TRIM of a character set costs several times a starts/ends-with test. With
    /// <paramref name="mayBePadded"/>, values it is FALSE for are not tested at all.
    /// </summary>
    public static string TrimSpaces(string expression, SqlDialect dialect, string? mayBePadded = null)
    {
        var (space, tab) = (dialect.Literal(" "), dialect.Literal("\t"));
        var skip = mayBePadded is null ? "" : $"WHEN NOT {mayBePadded} THEN {expression} ";
        return $"CASE {skip}WHEN {dialect.StartsWith(expression, space)} OR {dialect.EndsWith(expression, space)} OR {dialect.StartsWith(expression, tab)} OR {dialect.EndsWith(expression, tab)} " +
            $"THEN TRIM(BOTH {dialect.Literal(TrimmedCharacters)} FROM {expression}) ELSE {expression} END";
    }

    /// <summary>raw → null_values → TRIM → LOWER → NULLIF(x, ''); other types than string are always trimmed and treat '' as NULL.</summary>
    public string CleanText()
    {
        var text = Raw;
        if (nullValues.Count > 0)
        {
            text = $"CASE WHEN {OneOf(TrimSpaces(Raw, dialect, mayBePadded), nullValues)} THEN NULL ELSE {Raw} END";
        }
        if (column.Rules.Trim || !IsString)
        {
            text = TrimSpaces(text, dialect, mayBePadded);
        }
        if (column.Rules.Lowercase)
        {
            text = dialect.LowerAscii(text);
        }
        if (column.Rules.EmptyAsNull || !IsString)
        {
            text = $"NULLIF({text}, '')";
        }
        return text;
    }

    /// <summary>The typed value of the cleaned text, NULL when the text does not have the type's shape or does not convert.</summary>
    public string TypedValue() => column.Type.Kind switch
    {
        ColumnKind.String => Text,
        ColumnKind.Int or ColumnKind.Bigint =>
            $"CASE WHEN {dialect.RegexMatches(Text, TextPatterns.Integer)} THEN {dialect.TryCast(Text, column.Type)} END",
        ColumnKind.Decimal =>
            $"CASE WHEN {dialect.RegexMatches(Text, TextPatterns.Number)} THEN {dialect.TryCast(Text, column.Type)} END",
        // An infinite double (1e400) passes here and is a bad_type in Checks, so the text is cast only once.
        ColumnKind.Double =>
            $"CASE WHEN {dialect.RegexMatches(Text, TextPatterns.Number)} THEN {dialect.TryCast(Text, column.Type)} END",
        ColumnKind.Boolean =>
            $"CASE WHEN {OneOf(dialect.LowerAscii(Text), TextPatterns.TrueWords)} THEN TRUE WHEN {OneOf(dialect.LowerAscii(Text), TextPatterns.FalseWords)} THEN FALSE END",
        ColumnKind.Date => Temporal(column.Format ?? DatePattern.DefaultDate, dialect.ParseDate),
        ColumnKind.Timestamp => Temporal(column.Format ?? DatePattern.DefaultTimestamp, dialect.ParseTimestamp),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type.Kind, "Unknown column type."),
    };

    /// <summary>The checks of the column in the order they apply: a condition that is TRUE when the check fails, and its reason.</summary>
    public IEnumerable<(string Fails, string Reason)> Checks()
    {
        // Conditions on a NULL value are NULL, not TRUE, so rules other than required apply only to values.
        if (column.Required)
        {
            var missing = IsString && !column.Rules.EmptyAsNull ? $"({Text} IS NULL OR {Text} = '')" : $"{Text} IS NULL";
            yield return (missing, RejectReason.MissingRequired(Name));
        }
        if (column.Type.Kind == ColumnKind.Double)
        {
            yield return ($"{Text} IS NOT NULL AND ({Typed} IS NULL OR ABS({Typed}) > {TextPatterns.LargestDouble})", RejectReason.BadType(Name));
        }
        else if (!IsString)
        {
            yield return ($"{Text} IS NOT NULL AND {Typed} IS NULL", RejectReason.BadType(Name));
        }
        if (OutOfRange() is { } outOfRange)
        {
            yield return (outOfRange, RejectReason.OutOfRange(Name));
        }
        if (column.Rules.AllowedValues.Count > 0)
        {
            yield return ($"NOT {OneOf(Text, column.Rules.AllowedValues)}", RejectReason.NotAllowed(Name));
        }
        if (column.Rules.Regex is { } regex)
        {
            yield return ($"NOT ({dialect.RegexMatches(Text, PortableRegex.Compile(regex))})", RejectReason.PatternMismatch(Name));
        }
    }

    private string? OutOfRange()
    {
        var measured = IsString ? $"LENGTH({Text})" : Typed;
        var bounds = new List<string>();
        if (column.Rules.Min is { } min)
        {
            bounds.Add($"{measured} < {Number(min)}");
        }
        if (column.Rules.Max is { } max)
        {
            bounds.Add($"{measured} > {Number(max)}");
        }
        return bounds.Count == 0 ? null : string.Join(" OR ", bounds);
    }

    private string Temporal(string pattern, Func<string, string, string> parse) =>
        $"CASE WHEN {dialect.RegexMatches(Text, DatePattern.ToRegex(pattern))} THEN {parse(Text, pattern)} END";

    private string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(dialect.Literal));

    /// <summary>
    /// TRUE when the text equals one of the values (NULL for a NULL text, as IN gives). Written as equalities joined by
    /// OR for a short list: DuckDB turns IN (...) into a join per row, several times slower.
    /// </summary>
    private string OneOf(string text, IReadOnlyList<string> values) => values.Count <= 16
        ? "(" + string.Join(" OR ", values.Select(v => $"{text} = {dialect.Literal(v)}")) + ")"
        : $"{text} IN ({Literals(values)})";

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
