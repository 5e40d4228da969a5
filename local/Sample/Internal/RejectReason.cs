namespace DataPipeline.Local.Sample;

/// <summary>The compiler's reject reasons; a reason key is the reason, a colon and the column.</summary>
internal static class RejectReason
{
    public const string MissingRequired = "missing_required";
    public const string BadType = "bad_type";
    public const string OutOfRange = "out_of_range";
    public const string NotAllowed = "not_allowed";
    public const string PatternMismatch = "pattern_mismatch";
}
