using DataPipeline.Config.Model;

namespace DataPipeline.Stacks;

/// <summary>How column types appear to QuickSight.</summary>
internal static class QuickSightTypes
{
    public static string Of(ColumnType type) => type.Kind switch
    {
        ColumnKind.Int or ColumnKind.Bigint => "INTEGER",
        ColumnKind.Double or ColumnKind.Decimal => "DECIMAL",
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Date or ColumnKind.Timestamp => "DATETIME",
        _ => "STRING",
    };
}
