namespace DataPipeline.Config.Checks.Grammar;

/// <summary>The kind of value an expression gives, as far as the checks need it; Unknown where it cannot be told.</summary>
internal enum ValueKind
{
    Unknown,
    Integer,
    Decimal,
    Double,
    Text,
    Boolean,
    Date,
    Timestamp,
    Null,
}
