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
    private readonly string _star;

    public RecordSql(TableDefinition table, SqlDialect dialect)
    {
        _table = table;
        _dialect = dialect;
        var d = RegexText.Escape(table.Source.Delimiter[0]);
        var q = RegexText.Escape(table.Source.Quote[0]);
        // A quoted field as q[^q]*(?:qq[^q]*)*q, not q(?:[^q]|qq)*q, and its loops (and Grammar's loop over fields)
        // possessive in Java: java.util.regex recurses once per repetition of a group, so the shorter form overflowed
        // a task's stack on a quoted field of a few thousand characters (https://rules.sonarsource.com/java/RSPEC-5998),
        // and a greedy loop on a field of a thousand doubled quotes or a line of a thousand fields. Nothing is ever given
        // back: a closing quote is never followed by a quote, and a field ends only at the delimiter or the line's end.
        _star = dialect.RepeatWithoutGivingBack;
        var quoted = $"{q}[^{q}]{_star}(?:{q}{q}[^{q}]{_star}){_star}{q}";
        Field = $"{quoted}|[^{d}{q}][^{d}]*|";
        FieldThenDelimiter = $"{quoted}{d}|[^{d}{q}][^{d}]*{d}|{d}";
        _delimiter = table.Source.Delimiter;
        _quote = table.Source.Quote;
    }

    /// <summary>One CSV field, for the validity regex.</summary>
    public string Field { get; }

    /// <summary>A whole line that follows the grammar: fields separated by the delimiter.</summary>
    public string Grammar => $"^(?:{Field})(?:{RegexText.Escape(_delimiter[0])}(?:{Field})){_star}\\z";

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
        $"CASE WHEN INSTR({line}, {L(_quote)}) > 0 THEN {FieldsByGrammar(line)} ELSE {_dialect.SplitOn(line, _delimiter[0])} END";

    /// <summary>The fields of a CSV line by the grammar's regex, quotes still on.</summary>
    public string FieldsByGrammar(string line) =>
        _dialect.Transform(_dialect.RegexMatchList($"{line} || {L(_delimiter)}", FieldThenDelimiter), "field", "substr(field, 1, length(field) - 1)");

    /// <summary>The 1-based position of the line's first quote character; 0 when it holds none.</summary>
    public string FirstQuote(string line) => $"INSTR({line}, {L(_quote)})";

    /// <summary>The position of the line's second quote character; <paramref name="firstQuote"/> itself when there is none after it.</summary>
    public string SecondQuote(string line, string firstQuote) => $"{firstQuote} + INSTR(substr({line}, {firstQuote} + 1), {L(_quote)})";

    /// <summary>
    /// TRUE when the line's only quote characters are the two around one field: the first at a field's start, the
    /// second at its end. Such a line follows the grammar, and its fields are those between the delimiters outside the
    /// quotes: the common shape of a quoted line, split without the regex.
    /// </summary>
    public string HoldsOneQuotedField(string line, string firstQuote, string secondQuote) =>
        $"({firstQuote} > 0 AND {secondQuote} > {firstQuote} AND INSTR(substr({line}, {secondQuote} + 1), {L(_quote)}) = 0 " +
        $"AND ({firstQuote} = 1 OR substr({line}, {firstQuote} - 1, 1) = {L(_delimiter)}) " +
        $"AND ({secondQuote} = length({line}) OR substr({line}, {secondQuote} + 1, 1) = {L(_delimiter)}))";

    /// <summary>
    /// <see cref="Fields(string)"/> of a record line, with the columns of the quotes step: a line with one quoted field
    /// is split before and after it (the part before ends with a delimiter, so its last piece is empty, and the part after
    /// starts with one); other lines with a quote go to the grammar's regex.
    /// </summary>
    public string Fields(string line, string firstQuote, string secondQuote, string oneQuotedField)
    {
        var before = _dialect.SplitOn($"substr({line}, 1, {firstQuote} - 1)", _delimiter[0]);
        var after = _dialect.SplitOn($"substr({line}, {secondQuote} + 1)", _delimiter[0]);
        var split = _dialect.Concat(
            _dialect.WithoutLast(before),
            _dialect.ListOf($"substr({line}, {firstQuote}, {secondQuote} - {firstQuote} + 1)"),
            _dialect.WithoutFirst(after));
        return $"CASE WHEN {firstQuote} = 0 THEN {_dialect.SplitOn(line, _delimiter[0])} WHEN {oneQuotedField} THEN {split} ELSE {FieldsByGrammar(line)} END";
    }

    /// <summary><see cref="IsValid(string)"/> of a record line, with the columns of the quotes step.</summary>
    public string IsValid(string line, string firstQuote, string oneQuotedField) =>
        $"CASE WHEN {firstQuote} = 0 OR {oneQuotedField} THEN TRUE ELSE {IsValidByGrammar(line)} END";

    /// <summary>TRUE when a CSV line follows the grammar (a line without the quote character always does).</summary>
    public string IsValid(string line) => $"CASE WHEN INSTR({line}, {L(_quote)}) > 0 THEN {IsValidByGrammar(line)} ELSE TRUE END";

    /// <summary>TRUE when a CSV line matches the grammar's regex.</summary>
    public string IsValidByGrammar(string line) => _dialect.RegexMatches(line, Grammar);

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
        return $"CASE WHEN INSTR({line}, {L(" ")}) = 0 AND INSTR({line}, {L("\t")}) = 0 THEN FALSE " +
            $"ELSE {_dialect.RegexMatches(line, $"(?:^|[{edges}])[\\x20\\x09]|[\\x20\\x09](?:[{edges}]|\\z)")} END";
    }

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
