namespace DataPipeline.Compiler;

/// <summary>Columns a plan adds next to the declared ones; declared names start with a letter, so they never clash.</summary>
public static class PlanColumns
{
    /// <summary>A file's path under staging/&lt;table&gt;/, '/'-separated.</summary>
    public const string SourceFile = "_source_file";

    /// <summary>
    /// The text of one record: a line of a CSV or JSON lines file without its line end ('\n', and a '\r' before it)
    /// and without a byte-order mark, or one element of a JSON array. Executors read lines so.
    /// </summary>
    public const string Line = "_line";

    /// <summary>The first line of a file that is not blank (NULL for a file with none), like <see cref="Line"/>: a CSV header, or what a JSON lines file starts with.</summary>
    public const string FirstLine = "_first_line";

    /// <summary>When a file arrived, sortable as text: its modification time in UTC (yyyy-MM-ddTHH:mm:ss.ffffffZ), a space, its path.</summary>
    public const string Arrival = "_arrival";

    /// <summary>The first failing check of a record (see <see cref="RejectReason"/>), NULL for a good one.</summary>
    public const string RejectReason = "_reject_reason";

    /// <summary>The text shown to the user for each row of a step that stops the table.</summary>
    public const string Message = "message";

    /// <summary>Metrics view columns.</summary>
    public const string Metric = "metric";
    public const string Reason = "reason";
    public const string Rows = "rows";
}
