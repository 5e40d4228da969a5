namespace DataPipeline.Compiler;

/// <summary>Columns a plan adds next to the declared ones; declared names start with a letter, so they never clash.</summary>
public static class PlanColumns
{
    /// <summary>Text column of the raw view: NULL, or the whole line the reader could not parse.</summary>
    public const string CorruptRecord = "_corrupt_record";

    /// <summary>The first failing check of a row (see <see cref="RejectReason"/>), NULL for a good row.</summary>
    public const string RejectReason = "_reject_reason";

    /// <summary>1 for the row kept among good rows of the same key, 2 and more for dropped duplicates, NULL when rejected.</summary>
    public const string DuplicateRank = "_duplicate_rank";

    /// <summary>The text of a column exactly as read, before cleaning.</summary>
    public static string RawText(string column) => "_raw_" + column;

    /// <summary>Metrics view columns.</summary>
    public const string Metric = "metric";
    public const string Reason = "reason";
    public const string Rows = "rows";
}
