using DataPipeline.Config.Model;

namespace DataPipeline.Compiler.Internal;

/// <summary>The SQL of the four steps that clean one table: checked, clean, rejects and metrics.</summary>
internal sealed class TableSteps
{
    private const string Indent = "    ";
    private readonly TableDefinition _table;
    private readonly SqlDialect _dialect;
    private readonly IReadOnlyList<ColumnSql> _columns;

    public TableSteps(TableDefinition table, SqlDialect dialect)
    {
        _table = table;
        _dialect = dialect;
        _columns = table.Columns.Select(c => new ColumnSql(c, dialect)).ToList();
    }

    private string CorruptRecord => Q(PlanColumns.CorruptRecord);
    private string RejectReasonColumn => Q(PlanColumns.RejectReason);
    private string DuplicateRank => Q(PlanColumns.DuplicateRank);
    private string CheckedView => Q(StepNames.Checked(_table.Name));

    /// <summary>
    /// Reads the raw view once: cleans the text of each column (innermost query), types it, finds the first failing
    /// check, and ranks good rows of the same key.
    /// </summary>
    public string Checked()
    {
        var texts = Select(
            _columns.Select(c => $"{c.Raw} AS {c.RawTextAlias}")
                .Concat(_columns.Select(c => $"{c.CleanText()} AS {c.Text}"))
                .Append(CorruptRecord),
            Q(StepNames.Raw(_table.Name)));
        var typed = Select(
            _columns.Select(c => $"{c.TypedValue()} AS {c.Typed}").Prepend("*"),
            Subquery(texts, "texts"));
        var reasons = Select(["*", $"{RejectReasonCase()} AS {RejectReasonColumn}"], Subquery(typed, "typed"));
        return Select(
            _columns.Select(c => c.Typed)
                .Concat(_columns.Select(c => c.RawTextAlias))
                .Append(CorruptRecord)
                .Append(RejectReasonColumn)
                .Append($"{DuplicateRankExpression()} AS {DuplicateRank}"),
            Subquery(reasons, "checked"));
    }

    /// <summary>The typed columns and derived partition columns of good rows that won de-duplication.</summary>
    public string Clean() =>
        Select(_columns.Select(c => c.Typed).Concat(_table.PartitionBy.Where(p => p.From is not null).Select(DerivedPartition)),
            CheckedView,
            $"{RejectReasonColumn} IS NULL AND {DuplicateRank} = 1");

    /// <summary>Rejected rows as they were read, with their reason.</summary>
    public string Rejects() =>
        Select(_columns.Select(c => $"{c.RawTextAlias} AS {c.Raw}").Append(CorruptRecord).Append(RejectReasonColumn),
            CheckedView,
            $"{RejectReasonColumn} IS NOT NULL");

    /// <summary>(metric, reason, rows) counts; reads only the checked step.</summary>
    public string Metrics()
    {
        var good = $"{RejectReasonColumn} IS NULL";
        string Total(string metric, string count) =>
            $"SELECT {_dialect.Literal(metric)}, CAST(NULL AS {_dialect.TextType}), {count} FROM {CheckedView}";
        return string.Join("\nUNION ALL\n",
            $"SELECT {_dialect.Literal(RunMetric.RowsRead)} AS {Q(PlanColumns.Metric)}, CAST(NULL AS {_dialect.TextType}) AS {Q(PlanColumns.Reason)}, COUNT(*) AS {Q(PlanColumns.Rows)} FROM {CheckedView}",
            Total(RunMetric.RowsWritten, $"COUNT(CASE WHEN {good} AND {DuplicateRank} = 1 THEN 1 END)"),
            Total(RunMetric.RowsRejected, $"COUNT({RejectReasonColumn})"),
            Total(RunMetric.DuplicatesDropped, $"COUNT(CASE WHEN {good} AND {DuplicateRank} > 1 THEN 1 END)"),
            $"SELECT {_dialect.Literal(RunMetric.Rejected)}, {RejectReasonColumn}, COUNT(*) FROM {CheckedView} WHERE {RejectReasonColumn} IS NOT NULL GROUP BY {RejectReasonColumn}");
    }

    private string RejectReasonCase()
    {
        var whens = _columns.SelectMany(c => c.Checks())
            .Select(check => $"WHEN {check.Fails} THEN {_dialect.Literal(check.Reason)}")
            .Prepend($"WHEN {CorruptRecord} IS NOT NULL THEN {_dialect.Literal(RejectReason.MalformedRow)}");
        return "CASE\n" + string.Join("\n", whens.Select(w => Indent + w)) + "\nEND";
    }

    /// <summary>ROW_NUMBER among good rows of a key; order_by first, then the raw text of every column so the winner never depends on the engine.</summary>
    private string DuplicateRankExpression()
    {
        if (_table.Key.Count == 0)
        {
            return $"CASE WHEN {RejectReasonColumn} IS NULL THEN 1 END";
        }
        var partition = _table.Key.Select(k => Q(Declared(k))).Prepend($"({RejectReasonColumn} IS NULL)");
        var order = _table.OrderBy.Select(term => $"{Q(Declared(term.Column))} {(term.Descending ? "DESC" : "ASC")} NULLS LAST")
            .Concat(_columns.Select(c => $"{c.RawTextAlias} ASC NULLS LAST"));
        return $"CASE WHEN {RejectReasonColumn} IS NULL THEN ROW_NUMBER() OVER (PARTITION BY {string.Join(", ", partition)} ORDER BY {string.Join(", ", order)}) END";
    }

    private string DerivedPartition(PartitionColumn partition)
    {
        var source = Q(Declared(partition.SourceColumn));
        var value = partition.Transform switch
        {
            PartitionTransform.Identity => source,
            PartitionTransform.Year => $"year({source})",
            PartitionTransform.Month => $"month({source})",
            PartitionTransform.Day => $"day({source})",
            _ => throw new ArgumentOutOfRangeException(nameof(partition), partition.Transform, "Unknown partition transform."),
        };
        return $"{value} AS {Q(partition.Name)}";
    }

    /// <summary>The declared spelling of a column the user referenced (names are matched ignoring case).</summary>
    private string Declared(string column) => _table.Column(column)?.Name
        ?? throw new ArgumentException($"Table '{_table.Name}' has no column '{column}'; fix key, order_by or partition_by.", nameof(column));

    private string Q(string identifier) => _dialect.Quote(identifier);

    private string Subquery(string sql, string alias) => "(\n" + IndentLines(sql) + "\n) AS " + Q(alias);

    private static string Select(IEnumerable<string> items, string from, string? where = null)
    {
        var select = "SELECT\n" + string.Join(",\n", items.Select(IndentLines)) + "\nFROM " + from;
        return where is null ? select : select + "\nWHERE " + where;
    }

    private static string IndentLines(string text) => string.Join("\n", text.Split('\n').Select(line => Indent + line));
}
