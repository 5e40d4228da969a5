using System.Globalization;

namespace DataPipeline.Config.Model;

/// <summary>A column's type as the user writes it: string, int, bigint, double, decimal(p,s), boolean, date, timestamp.</summary>
public sealed record ColumnType(ColumnKind Kind, int Precision = 0, int Scale = 0)
{
    public override string ToString() => Kind switch
    {
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"decimal({Precision},{Scale})"),
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public bool IsNumeric => Kind is ColumnKind.Int or ColumnKind.Bigint or ColumnKind.Double or ColumnKind.Decimal;

    public bool IsTemporal => Kind is ColumnKind.Date or ColumnKind.Timestamp;
}
