using DataPipeline.Config.Model;

namespace DataPipeline.Compiler.Internal;

/// <summary>
/// The SQL of the steps that clean one table: layout (per file), problems, typed (per record), duplicate keys, clean,
/// rejects and metrics. Every record read is written, rejected with a reason, or dropped as a duplicate.
/// </summary>
internal sealed class TableSteps
{
    private const string Indent = "    ";
    private readonly TableDefinition _table;
    private readonly SqlDialect _dialect;
    private readonly RecordSql _records;
    private readonly IReadOnlyList<ColumnSql> _columns;
    private readonly List<ColumnDefinition> _inFile;

    public TableSteps(TableDefinition table, SqlDialect dialect)
    {
        _table = table;
        _dialect = dialect;
        _records = new RecordSql(table, dialect);
        _columns = table.Columns.Select(c => new ColumnSql(c, dialect, c.NullValues ?? table.Source.NullValues, _records.IsCsv && !table.IsFolderColumn(c) ? Padded : null)).ToList();
        _inFile = table.ColumnsInFile.ToList();
    }

    private string SourceFile => Q(PlanColumns.SourceFile);
    private string Line => Q(PlanColumns.Line);
    private string Arrival => Q(PlanColumns.Arrival);
    private string Reason => Q(PlanColumns.RejectReason);
    private string IsHeader => Q("_is_header");
    private string HeaderLine => Q("_header_line");
    private string FieldCount => Q("_field_count");
    private string Fields => Q("_fields");
    private string Malformed => Q("_malformed");
    private string Padded => Q("_padded");
    private string LayoutView => Q(StepNames.Layout(_table.Name));
    private string TypedView => Q(StepNames.Typed(_table.Name));
    private string Good => GoodIn(null);

    /// <summary>A record (not a header line) without a reject reason; columns qualified by the alias when given.</summary>
    private string GoodIn(string? alias)
    {
        var prefix = alias is null ? "" : alias + ".";
        return $"NOT {prefix}{IsHeader} AND {prefix}{Reason} IS NULL";
    }

    /// <summary>
    /// One row per file read: its arrival, its header line and, for each column read from the file, the field position
    /// of the column (NULL when the header lacks it) and how often the header names it.
    /// </summary>
    public string Layout()
    {
        var files = Q(StepNames.Files(_table.Name));
        if (!_records.HasHeader)
        {
            var positions = _inFile.Select((_, i) => $"{i + 1} AS {Q(RecordSql.PositionColumn(i))}");
            return Select(new[] { SourceFile, Arrival, $"CAST(NULL AS {_dialect.TextType}) AS {HeaderLine}", $"{_inFile.Count} AS {FieldCount}" }.Concat(positions), files);
        }
        var names = Q("_names");
        var header = Select(
            [SourceFile, Arrival, $"{Q(PlanColumns.FirstLine)} AS {HeaderLine}"],
            files);
        var split = Select(
            ["*", $"{_dialect.Transform(_records.Fields(HeaderLine), "field", _records.HeaderName("field"))} AS {names}", $"{_records.IsValid(HeaderLine)} AS {Q("_header_valid")}"],
            Subquery(header, "header"));
        var columns = new List<string> { SourceFile, Arrival, HeaderLine, Q("_header_valid"), $"CASE WHEN {HeaderLine} IS NULL THEN NULL ELSE {_dialect.Size(names)} END AS {FieldCount}" };
        for (var i = 0; i < _inFile.Count; i++)
        {
            var name = L(RecordSql.NormalizedName(_inFile[i].SourceName));
            columns.Add($"{_dialect.Position(names, name)} AS {Q(RecordSql.PositionColumn(i))}");
            columns.Add($"{_dialect.CountEqual(names, name)} AS {Q(Count(i))}");
        }
        return Select(columns, Subquery(split, "split"));
    }

    /// <summary>Problems that stop the table, one message per file and kind, each starting with the file's path.</summary>
    public string Problems()
    {
        var branches = new List<string>();
        var file = SourceFile;
        if (_records.HasHeader)
        {
            var present = $"{HeaderLine} IS NOT NULL";
            branches.Add($"SELECT {file}, {file} || {L(": the header line does not follow the CSV rules (a quote inside an unquoted name, or an unclosed quote); fix the file's first line. It reads: ")} || {HeaderLine} AS {Q(PlanColumns.Message)} FROM {LayoutView} WHERE {present} AND NOT {Q("_header_valid")}");
            var missing = $"concat_ws(', ', {string.Join(", ", _inFile.Select((c, i) => (c, i)).Where(x => !x.c.OptionalInHeader).Select(x => $"CASE WHEN {Q(RecordSql.PositionColumn(x.i))} IS NULL THEN {L(x.c.SourceName)} END"))})";
            if (_inFile.Any(c => !c.OptionalInHeader))
            {
                branches.Add($"SELECT {file}, {file} || {L(": the header has no column ")} || missing || {L(" (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: ")} || {HeaderLine} AS {Q(PlanColumns.Message)} FROM (SELECT *, {missing} AS missing FROM {LayoutView} WHERE {present} AND {Q("_header_valid")}) AS layout WHERE missing <> ''");
            }
            var repeated = $"concat_ws(', ', {string.Join(", ", _inFile.Select((c, i) => $"CASE WHEN {Q(Count(i))} > 1 THEN {L(c.SourceName)} END"))})";
            branches.Add($"SELECT {file}, {file} || {L(": the header names ")} || repeated || {L(" more than once (ignoring case), so the column to read is unclear; rename one of them in the file.")} AS {Q(PlanColumns.Message)} FROM (SELECT *, {repeated} AS repeated FROM {LayoutView} WHERE {present}) AS layout WHERE repeated <> ''");
        }
        if (_table.Source.Kind == SourceKind.JsonLines)
        {
            branches.Add($"SELECT {file}, {file} || {L(": holds a JSON array, not one JSON object per line; set the table's source format: json.")} AS {Q(PlanColumns.Message)} FROM {Q(StepNames.Files(_table.Name))} WHERE {ColumnSql.TrimSpaces(Q(PlanColumns.FirstLine), _dialect)} LIKE '[%'");
        }
        var encoding = PlanEncoding.Of(_table.Source.Encoding);
        branches.Add($"SELECT {file}, {file} || {L($": holds text that is not valid {encoding} (the replacement character U+FFFD); set the table's source encoding to the files' encoding (utf-8, latin-1 or utf-16), or fix the file.")} AS {Q(PlanColumns.Message)} FROM (SELECT DISTINCT {file} FROM {Q(StepNames.Raw(_table.Name))} WHERE {_records.ContainsReplacementCharacter(Line)}) AS files");
        return string.Join("\nUNION ALL\n", branches);
    }

    /// <summary>
    /// Every record (and CSV header line, flagged) once: cleans the text of each column, types it and finds the first
    /// failing check. Blank lines are skipped; lines equal to their file's header line are header lines.
    /// </summary>
    public string Typed()
    {
        var raw = Q(StepNames.Raw(_table.Name));
        var lines = Select([SourceFile, Line], raw);
        var layout = Q("layout");
        var recordColumns = new List<string> { $"lines.{SourceFile}", $"lines.{Line}", $"{layout}.{Arrival}" };
        string isHeader;
        if (_records.IsCsv)
        {
            recordColumns.Add($"{layout}.{FieldCount}");
            recordColumns.AddRange(_inFile.Select((_, i) => $"{layout}.{Q(RecordSql.PositionColumn(i))}"));
            isHeader = _records.HasHeader ? $"coalesce(lines.{Line} = {layout}.{HeaderLine}, false)" : "false";
        }
        else
        {
            isHeader = "false";
        }
        recordColumns.Add($"{isHeader} AS {IsHeader}");
        var records = $"SELECT\n{string.Join(",\n", recordColumns.Select(IndentLines))}\nFROM {Subquery(lines, "lines")}\nJOIN {LayoutView} AS {layout} ON lines.{SourceFile} = {layout}.{SourceFile}\nWHERE NOT {_records.IsBlank($"lines.{Line}")}";

        string parsed;
        Func<ColumnDefinition, int, string> rawText;
        var rawColumns = new List<string> { SourceFile, Line, Arrival, IsHeader, Malformed };
        if (_records.IsCsv)
        {
            var quoted = Q("_quoted");
            var (firstQuote, secondQuote, oneQuotedField) = (Q("_first_quote"), Q("_second_quote"), Q("_one_quoted_field"));
            var quotes = Select(["*", $"{_records.FirstQuote(Line)} AS {firstQuote}", $"{_records.SecondQuote(Line, _records.FirstQuote(Line))} AS {secondQuote}"], Subquery(records, "records"));
            var shaped = Select(["*", $"{_records.HoldsOneQuotedField(Line, firstQuote, secondQuote)} AS {oneQuotedField}"], Subquery(quotes, "quotes"));
            var split = Select(
                ["*", $"{firstQuote} > 0 AS {quoted}", $"{_records.MayBePadded(Line)} AS {Padded}",
                 $"{_records.Fields(Line, firstQuote, secondQuote, oneQuotedField)} AS {Fields}", $"{_records.IsValid(Line, firstQuote, oneQuotedField)} AS {Q("_valid")}"],
                Subquery(shaped, "quote_shape"));
            var checkedSplit = Select(["*", $"(NOT {Q("_valid")} OR {_dialect.Size(Fields)} <> {FieldCount}) AS {Malformed}"], Subquery(split, "split"));
            // Each field is taken from the list once, then unquoted, rather than once per use in the expressions below.
            parsed = Select(
                new[] { SourceFile, Line, Arrival, IsHeader, Malformed, quoted, Padded }
                    .Concat(_inFile.Select((_, i) => $"{_dialect.Element(Fields, Q(RecordSql.PositionColumn(i)))} AS {Q(RecordSql.FieldColumn(i))}")),
                Subquery(checkedSplit, "checked_split"));
            rawText = (_, index) => _records.Unquoted(Q(RecordSql.FieldColumn(index)), quoted);
            rawColumns.Add(Padded);
        }
        else
        {
            parsed = Select(["*", $"NOT {_dialect.IsJsonObject(Line)} AS {Malformed}"], Subquery(records, "records"));
            rawText = (column, _) => _dialect.JsonText(Line, column.SourceName);
        }
        foreach (var column in _columns)
        {
            var text = _table.IsFolderColumn(column.Column)
                ? _records.FolderValue(column.Column)
                : rawText(column.Column, _inFile.IndexOf(column.Column));
            rawColumns.Add($"CASE WHEN {Malformed} THEN NULL ELSE {text} END AS {column.Raw}");
        }
        var rawTexts = Select(rawColumns, Subquery(parsed, "parsed"));
        var texts = Select(_columns.Select(c => $"{c.CleanText()} AS {c.Text}").Prepend("*"), Subquery(rawTexts, "raw_texts"));
        var typed = Select(_columns.Select(c => $"{c.TypedValue()} AS {c.Typed}").Prepend("*"), Subquery(texts, "texts"));
        var reasons = Select(["*", $"{RejectReasonCase()} AS {Reason}"], Subquery(typed, "typed"));
        return Select(
            _columns.Select(c => c.Typed).Concat([SourceFile, Line, Arrival, IsHeader, Reason]),
            Subquery(reasons, "checked"));
    }

    /// <summary>The keys held by more than one good record (empty for a table without a key).</summary>
    public string DuplicateKeys()
    {
        var keys = _table.Key.Select(k => Q(Declared(k))).ToList();
        return $"SELECT {string.Join(", ", keys)}\nFROM {TypedView}\nWHERE {Good}\nGROUP BY {string.Join(", ", keys)}\nHAVING COUNT(*) > 1";
    }

    /// <summary>
    /// The good records, one per key: a key held once keeps its record; of a key held several times the first in
    /// order_by, then the latest arrival, then the record's text wins (ranked only among those, the few).
    /// </summary>
    public string Clean()
    {
        var output = _columns.Select(c => c.Typed)
            .Concat(_table.FileColumn is { } fileColumn ? [$"{SourceFile} AS {Q(fileColumn)}"] : [])
            .Concat(_table.PartitionBy.Where(p => p.From is not null).Select(DerivedPartition))
            .Append(Arrival)
            .ToList();
        if (_table.Key.Count == 0)
        {
            return Select(output, TypedView, Good);
        }
        var keys = _table.Key.Select(k => Q(Declared(k))).ToList();
        var duplicates = Q(StepNames.DuplicateKeys(_table.Name));
        var joinOn = string.Join(" AND ", keys.Select(k => $"t.{k} = d.{k}"));
        var single = $"SELECT t.* FROM {TypedView} AS t LEFT JOIN {duplicates} AS d ON {joinOn} WHERE {GoodIn("t")} AND d.{keys[0]} IS NULL";
        var order = _table.OrderBy.Select(term => $"t.{Q(Declared(term.Column))} {(term.Descending ? "DESC" : "ASC")} NULLS LAST")
            .Append($"t.{Arrival} DESC").Append($"t.{Line} ASC");
        var ranked = $"SELECT t.*, ROW_NUMBER() OVER (PARTITION BY {string.Join(", ", keys.Select(k => "t." + k))} ORDER BY {string.Join(", ", order)}) AS {Q("_rank")} FROM {TypedView} AS t JOIN {duplicates} AS d ON {joinOn} WHERE {GoodIn("t")}";
        var winners = $"SELECT {string.Join(", ", _columns.Select(c => c.Typed).Concat([SourceFile, Line, Arrival, IsHeader, Reason]))} FROM ({ranked}) AS ranked WHERE {Q("_rank")} = 1";
        return Select(output, $"(\n{IndentLines(single)}\nUNION ALL\n{IndentLines(winners)}\n) AS kept");
    }

    /// <summary>
    /// The columns of the warehouse table, as clean writes them: declared columns, the file column, derived
    /// partitions, and _arrival (when its file arrived, which later runs compare new versions of a key with).
    /// </summary>
    public IReadOnlyList<PlanColumn> WarehouseColumns() =>
        _table.Columns.Select(c => new PlanColumn { Name = c.Name, Type = _dialect.TypeName(c.Type) })
            .Concat(_table.FileColumn is { } file ? [new PlanColumn { Name = file, Type = _dialect.TextType }] : [])
            .Concat(_table.PartitionBy.Where(p => p.From is not null).Select(p => new PlanColumn { Name = p.Name, Type = _dialect.TypeName(new ColumnType(ColumnKind.Int)) }))
            .Append(new PlanColumn { Name = PlanColumns.Arrival, Type = _dialect.TextType })
            .ToList();

    private string Columns(string? alias = null) => string.Join(", ", WarehouseColumns().Select(c => (alias is null ? "" : alias + ".") + Q(c.Name)));

    private IReadOnlyList<string> KeyColumns => _table.Key.Select(k => Q(Declared(k))).ToList();

    private string KeysEqual(string left, string right) => string.Join(" AND ", KeyColumns.Select(k => $"{left}.{k} = {right}.{k}"));

    /// <summary>Warehouse rows whose key a row of this run holds (clean holds each key once).</summary>
    public string Matched() =>
        $"SELECT {Columns("w")}, w.{Q(PlanColumns.File)}\nFROM {Q(StepNames.Current(_table.Name))} AS w\nJOIN {Q(StepNames.Clean(_table.Name))} AS c ON {KeysEqual("w", "c")}";

    /// <summary>
    /// For each matched key, its versions ranked: order_by first, then the later arrival, and on a tie (the same file
    /// read again) the new version, so the result never depends on how files were grouped into runs.
    /// </summary>
    public string Contest()
    {
        var matched = Q(StepNames.Matched(_table.Name));
        var incoming = $"SELECT {Columns("c")}, 1 AS {Q("_incoming")}, CAST(NULL AS {_dialect.TextType}) AS {Q(PlanColumns.File)} FROM {Q(StepNames.Clean(_table.Name))} AS c JOIN (SELECT DISTINCT {string.Join(", ", KeyColumns)} FROM {matched}) AS m ON {KeysEqual("c", "m")}";
        var old = $"SELECT {Columns()}, 0 AS {Q("_incoming")}, {Q(PlanColumns.File)} FROM {matched}";
        var order = _table.OrderBy.Select(term => $"{Q(Declared(term.Column))} {(term.Descending ? "DESC" : "ASC")} NULLS LAST")
            .Append($"{Arrival} DESC").Append($"{Q("_incoming")} DESC");
        return $"SELECT *, ROW_NUMBER() OVER (PARTITION BY {string.Join(", ", KeyColumns)} ORDER BY {string.Join(", ", order)}) AS {Q("_rank")}\nFROM (\n{IndentLines(old)}\nUNION ALL\n{IndentLines(incoming)}\n) AS versions";
    }

    /// <summary>The rows this run writes: those of keys the warehouse does not hold, and new versions that won.</summary>
    public string Upserts()
    {
        var matched = Q(StepNames.Matched(_table.Name));
        var fresh = $"SELECT {Columns("c")} FROM {Q(StepNames.Clean(_table.Name))} AS c LEFT JOIN (SELECT DISTINCT {string.Join(", ", KeyColumns)} FROM {matched}) AS m ON {KeysEqual("c", "m")} WHERE m.{KeyColumns[0]} IS NULL";
        var winners = $"SELECT {Columns()} FROM {Q(StepNames.Contest(_table.Name))} WHERE {Q("_incoming")} = 1 AND {Q("_rank")} = 1";
        return $"{fresh}\nUNION ALL\n{winners}";
    }

    /// <summary>The warehouse rows that lost to a new version: their key and file.</summary>
    public string Replaced() =>
        $"SELECT {string.Join(", ", KeyColumns)}, {Q(PlanColumns.File)} FROM {Q(StepNames.Contest(_table.Name))} WHERE {Q("_incoming")} = 0 AND {Q("_rank")} > 1";

    /// <summary>The files holding replaced rows.</summary>
    public string RemovedFiles() => $"SELECT DISTINCT {Q(PlanColumns.File)} FROM {Q(StepNames.Replaced(_table.Name))}";

    /// <summary>The rows of those files that stay: written again, without the replaced ones.</summary>
    public string Kept()
    {
        var replaced = Q(StepNames.Replaced(_table.Name));
        return $"SELECT {Columns("w")}\nFROM {Q(StepNames.Current(_table.Name))} AS w\n" +
            $"JOIN {Q(StepNames.RemovedFiles(_table.Name))} AS f ON w.{Q(PlanColumns.File)} = f.{Q(PlanColumns.File)}\n" +
            $"LEFT JOIN {replaced} AS r ON {KeysEqual("w", "r")} AND w.{Q(PlanColumns.File)} = r.{Q(PlanColumns.File)}\n" +
            $"WHERE r.{KeyColumns[0]} IS NULL";
    }

    /// <summary>Rejected records as they were read, with their file and reason.</summary>
    public string Rejects() => Select([SourceFile, Line, Reason], TypedView, $"NOT {IsHeader} AND {Reason} IS NOT NULL");

    /// <summary>The step whose rows this run writes to the warehouse: the upserts of a keyed table, else clean.</summary>
    private string Written => _table.Key.Count > 0 ? StepNames.Upserts(_table.Name) : StepNames.Clean(_table.Name);

    /// <summary>(metric, reason, rows) counts; see <see cref="RunMetric"/>.</summary>
    public string Metrics()
    {
        string Total(string metric, string count, string from) =>
            $"SELECT {L(metric)}, CAST(NULL AS {_dialect.TextType}), {count} FROM {from}";
        var records = $"NOT {IsHeader}";
        return string.Join("\nUNION ALL\n", new[]
        {
            $"SELECT {L(RunMetric.FilesRead)} AS {Q(PlanColumns.Metric)}, CAST(NULL AS {_dialect.TextType}) AS {Q(PlanColumns.Reason)}, COUNT(*) AS {Q(PlanColumns.Rows)} FROM {LayoutView}",
            Total(RunMetric.LinesRead, "COUNT(*)", TypedView),
            Total(RunMetric.HeaderLines, $"COUNT(CASE WHEN {IsHeader} THEN 1 END)", TypedView),
            Total(RunMetric.RowsRead, $"COUNT(CASE WHEN {records} THEN 1 END)", TypedView),
            Total(RunMetric.RowsWritten, "COUNT(*)", Q(Written)),
            Total(RunMetric.RowsRejected, $"COUNT(CASE WHEN {records} AND {Reason} IS NOT NULL THEN 1 END)", TypedView),
            $"SELECT {L(RunMetric.DuplicatesDropped)}, CAST(NULL AS {_dialect.TextType}), (SELECT COUNT(*) FROM {TypedView} WHERE {Good}) - (SELECT COUNT(*) FROM {Q(Written)})",
            _table.Key.Count > 0
                ? Total(RunMetric.RowsReplaced, "COUNT(*)", Q(StepNames.Replaced(_table.Name)))
                : $"SELECT {L(RunMetric.RowsReplaced)}, CAST(NULL AS {_dialect.TextType}), 0",
            $"SELECT {L(RunMetric.Rejected)}, {Reason}, COUNT(*) FROM {TypedView} WHERE {records} AND {Reason} IS NOT NULL GROUP BY {Reason}",
            $"SELECT {L(RunMetric.FileRows)}, l.{SourceFile}, coalesce(r.{Q(PlanColumns.Rows)}, 0) FROM {LayoutView} AS l LEFT JOIN (SELECT {SourceFile}, COUNT(*) AS {Q(PlanColumns.Rows)} FROM {TypedView} WHERE {records} GROUP BY {SourceFile}) AS r ON l.{SourceFile} = r.{SourceFile}",
        }.Concat(MissingColumnMetrics()));
    }

    /// <summary>One row per optional_in_header column that the header of a file read lacks: how many files lack it.</summary>
    private IEnumerable<string> MissingColumnMetrics() => !_records.HasHeader ? [] :
        _inFile.Select((c, i) => (c, i)).Where(x => x.c.OptionalInHeader).Select(x =>
            $"SELECT {L(RunMetric.ColumnMissing)}, {L(x.c.SourceName)}, {Q("files")} FROM (SELECT COUNT(*) AS {Q("files")} FROM {LayoutView} WHERE {HeaderLine} IS NOT NULL AND {Q(RecordSql.PositionColumn(x.i))} IS NULL) AS missing WHERE {Q("files")} > 0");

    private string RejectReasonCase()
    {
        var whens = _columns.SelectMany(c => c.Checks())
            .Select(check => $"WHEN {check.Fails} THEN {L(check.Reason)}")
            .Prepend($"WHEN {Malformed} THEN {L(RejectReason.MalformedRow)}")
            .Prepend($"WHEN {IsHeader} THEN NULL");
        return "CASE\n" + string.Join("\n", whens.Select(w => Indent + w)) + "\nEND";
    }

    private string DerivedPartition(PartitionColumn partition)
    {
        var source = Q(Declared(partition.SourceColumn));
        var value = partition.Transform switch
        {
            PartitionTransform.Identity => source,
            PartitionTransform.Year => $"CAST(year({source}) AS INT)",
            PartitionTransform.Month => $"CAST(month({source}) AS INT)",
            PartitionTransform.Day => $"CAST(day({source}) AS INT)",
            _ => throw new ArgumentOutOfRangeException(nameof(partition), partition.Transform, "Unknown partition transform."),
        };
        return $"{value} AS {Q(partition.Name)}";
    }

    /// <summary>The declared spelling of a column the user referenced (names are matched ignoring case).</summary>
    private string Declared(string column) => _table.Column(column)?.Name
        ?? throw new ArgumentException($"Table '{_table.Name}' has no column '{column}'; fix key, order_by or partition_by.", nameof(column));

    private static string Count(int index) => $"_count_{index}";

    private string Q(string identifier) => _dialect.Quote(identifier);

    private string L(string text) => _dialect.Literal(text);

    private string Subquery(string sql, string alias) => "(\n" + IndentLines(sql) + "\n) AS " + Q(alias);

    private static string Select(IEnumerable<string> items, string from, string? where = null)
    {
        var select = "SELECT\n" + string.Join(",\n", items.Select(IndentLines)) + "\nFROM " + from;
        return where is null ? select : select + "\nWHERE " + where;
    }

    private static string IndentLines(string text) => string.Join("\n", text.Split('\n').Select(line => Indent + line));
}
