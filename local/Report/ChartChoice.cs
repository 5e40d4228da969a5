using DataPipeline.Config.Model;

namespace DataPipeline.Local.Report;

/// <summary>
/// How a query result is drawn. bar and line need a first column of labels and a numeric second column; auto picks
/// line when the first column is ordered (numbers, dates) and bar when it is text. Anything else is a table.
/// </summary>
internal static class ChartChoice
{
    public static ChartKind For(QueryRunResult result)
    {
        if (result.Chart == ChartKind.Table || result.Columns.Count < 2 || result.Rows.Count == 0 || !SecondColumnIsNumeric(result))
        {
            return ChartKind.Table;
        }
        if (result.Chart != ChartKind.Auto)
        {
            return result.Chart;
        }
        return result.Rows.All(r => r[0] is null || IsNumber(r[0]) || r[0] is DateTime or DateOnly) ? ChartKind.Line : ChartKind.Bar;
    }

    public static bool IsNumber(object? value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger;

    /// <summary>A number as double; SUM over integers comes back from DuckDB as HUGEINT (BigInteger), which Convert refuses.</summary>
    public static double ToDouble(object value) =>
        value is System.Numerics.BigInteger big ? (double)big : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private static bool SecondColumnIsNumeric(QueryRunResult result) =>
        result.Rows.All(r => r[1] is null || IsNumber(r[1])) && result.Rows.Any(r => r[1] is not null);
}
