namespace DataPipeline.Config.Model;

public enum ColumnKind
{
    String,
    Int,
    Bigint,
    Double,
    Decimal,
    Boolean,
    Date,
    Timestamp,
}
