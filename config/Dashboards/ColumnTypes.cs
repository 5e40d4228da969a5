namespace DataPipeline.Config.Dashboards;

/// <summary>What a described (Glue/Athena) column type allows in a visual.</summary>
public static class ColumnTypes
{
    public static bool IsNumeric(string type) =>
        type is "int" or "bigint" or "smallint" or "tinyint" or "double" or "float" || type.StartsWith("decimal", StringComparison.Ordinal);

    public static bool IsTemporal(string type) => type is "date" or "timestamp";

    public static bool IsText(string type) => type is "string";
}
