namespace DataPipeline.Compiler;

/// <summary>
/// Why a row was rejected; a row gets the first failing check: malformed_row, then per column in declared order
/// missing_required, bad_type, out_of_range, not_allowed, pattern_mismatch (written "bad_type:&lt;column&gt;").
/// </summary>
public static class RejectReason
{
    /// <summary>The reader could not parse the line (its text is in _corrupt_record).</summary>
    public const string MalformedRow = "malformed_row";

    /// <summary>A required column is missing or empty after cleaning.</summary>
    public static string MissingRequired(string column) => "missing_required:" + column;

    /// <summary>A value that is not a number, date, timestamp or boolean of the column's type.</summary>
    public static string BadType(string column) => "bad_type:" + column;

    /// <summary>A number outside min/max, or a string whose length is.</summary>
    public static string OutOfRange(string column) => "out_of_range:" + column;

    /// <summary>A value not among allowed_values.</summary>
    public static string NotAllowed(string column) => "not_allowed:" + column;

    /// <summary>A value that does not match regex.</summary>
    public static string PatternMismatch(string column) => "pattern_mismatch:" + column;
}
