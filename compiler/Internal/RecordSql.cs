using DataPipeline.Config.Model;

namespace DataPipeline.Compiler.Internal;

/// <summary>
/// The SQL that turns the executor's records (one line or JSON array element each) into the raw text of each column,
/// the same on every engine. The CSV grammar, per line (a value never spans lines):
/// a field is quoted (the quote, then anything with the quote doubled, then the quote) or unquoted (not starting with
/// the quote, holding no delimiter); a record is fields separated by the delimiter. An empty unquoted field is NULL, a
/// quoted empty field ("") is an empty text. A line that does not follow the grammar, or has another number of fields
/// than its file's header (or, without a header, than the declared columns), is malformed.
/// </summary>
internal sealed class RecordSql
{
    private const string Blank = "^[\\x00-\\x20]*\\z";
    private const string Replacement = "\uFFFD";

    private readonly TableDefinition _table;
    private readonly SqlDialect _dialect;
    private readonly string _delimiter;
    private readonly string _quote;

    public RecordSql(TableDefinition table, SqlDialect dialect)
    {
        _table = table;
        _dialect = dialect;
        var d = RegexText.Escape(table.Source.Delimiter[0]);
        var q = RegexText.Escape(table.Source.Quote[0]);
        Field = $"{q}(?:[^{q}]|{q}{q})*{q}|[^{d}{q}][^{d}]*|";
        FieldThenDelimiter = $"{q}(?:[^{q}]|{q}{q})*{q}{d}|[^{d}{q}][^{d}]*{d}|{d}";
        _delimiter = table.Source.Delimiter;
        _quote = table.Source.Quote;
    }

    /// <summary>One CSV field, for the validity regex.</summary>
    public string Field { get; }

    /// <summary>One CSV field and the delimiter after it: never matches an empty text, so matches tile a valid line.</summary>
    public string FieldThenDelimiter { get; }

    public bool IsCsv => _table.Source.Kind == SourceKind.Csv;

    public bool HasHeader => IsCsv && _table.Source.Header;

    private string L(string text) => _dialect.Literal(text);

    private string Q(string identifier) => _dialect.Quote(identifier);

    /// <summary>TRUE for a NULL line or one of nothing but spaces and control characters (Spark's CSV reader drops those too).</summary>
    public string IsBlank(string line) => $"({line} IS NULL OR {_dialect.RegexMatches(line, Blank)})";

    public string ContainsReplacementCharacter(string line) => $"INSTR({line}, {L(Replacement)}) > 0";

    /// <summary>The fields of a CSV line, quotes still on: split at every delimiter when the line holds no quote, else by the grammar.</summary>
    public string Fields(string line) =>
        $"CASE WHEN INSTR({line}, {L(_quote)}) > 0 " +
        $"THEN {_dialect.Transform(_dialect.RegexMatchList($"{line} || {L(_delimiter)}", FieldThenDelimiter), "field", "substr(field, 1, length(field) - 1)")} " +
        $"ELSE {_dialect.SplitOn(line, _delimiter[0])} END";

    /// <summary>TRUE when a CSV line follows the grammar (a line without the quote character always does).</summary>
    public string IsValid(string line) =>
        $"CASE WHEN INSTR({line}, {L(_quote)}) > 0 THEN {_dialect.RegexMatches(line, $"^(?:{Field})(?:{RegexText.Escape(_delimiter[0])}(?:{Field}))*\\z")} ELSE TRUE END";

    /// <summary>A field's value: NULL when empty, the text between the quotes (a doubled quote as one) when quoted.</summary>
    public string Unquoted(string field) =>
        $"CASE WHEN {field} IS NULL OR {field} = '' THEN NULL " +
        $"WHEN {_dialect.StartsWith(field, L(_quote))} THEN replace(substr({field}, 2, length({field}) - 2), {L(_quote + _quote)}, {L(_quote)}) " +
        $"ELSE {field} END";

    /// <summary>
    /// <see cref="Unquoted"/> for a field of a line known to hold the quote character or not: a line without it has
    /// no quoted field, so its empty fields are the only ones to turn into NULL (the common, cheaper case).
    /// </summary>
    public string Unquoted(string field, string lineHoldsQuote) => $"CASE WHEN {lineHoldsQuote} THEN {Unquoted(field)} ELSE NULLIF({field}, '') END";

    /// <summary>
    /// TRUE when a space or tab of the line stands at its start or end, or beside a delimiter or quote: only then can a
    /// field's value start or end with one, so only then do its fields need trimming. The regex runs only on lines that
    /// hold a space or tab at all (scanning every line with it took a quarter of a wide numeric table's typed step).
    /// </summary>
    public string MayBePadded(string line)
    {
        var edges = RegexText.Escape(_delimiter[0]) + RegexText.Escape(_quote[0]);
        return $"CASE WHEN INSTR({line}, ' ') = 0 AND INSTR({line}, {L("\t")}) = 0 THEN FALSE " +
            $"ELSE {_dialect.RegexMatches(line, $"(?:^|[{edges}])[\\x20\\x09]|[\\x20\\x09](?:[{edges}]|\\z)")} END";
    }

    /// <summary>TRUE when a line holds the quote character.</summary>
    public string HoldsQuote(string line) => $"INSTR({line}, {L(_quote)}) > 0";

    /// <summary>The column of the fields step that holds one file column's field, quotes still on.</summary>
    public static string FieldColumn(int index) => $"_field_{index}";

    /// <summary>A header name as compared: unquoted, without surrounding spaces and tabs, ASCII letters lower-cased.</summary>
    public string HeaderName(string field) => _dialect.LowerAscii(ColumnSql.TrimSpaces(Unquoted(field), _dialect));

    /// <summary>A declared source name as compared with <see cref="HeaderName"/>.</summary>
    public static string NormalizedName(string name) => new(name.Trim(' ', '\t').Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c).ToArray());

    /// <summary>The raw text of a folder column: the value of its key=value folder in the file's path, NULL when absent or empty.</summary>
    public string FolderValue(ColumnDefinition column) =>
        $"NULLIF({_dialect.RegexExtract(Q(PlanColumns.SourceFile), $"(?:^|/){RegexText.Escape(column.SourceName)}=([^/]*)/", 1)}, '')";

    /// <summary>The position column of the layout step that tells where a file column is in its file.</summary>
    public static string PositionColumn(int index) => $"_position_{index}";
}
