namespace DataPipeline.Compiler;

/// <summary>Where plan outputs land, relative to the warehouse bucket root.</summary>
public static class WarehouseFolders
{
    /// <summary>Cleaned and derived tables: data-warehouse/&lt;table&gt;/.</summary>
    public static string Data(string table) => $"data-warehouse/{table}/";

    /// <summary>Rejected rows with their raw text and reason: quarantine/&lt;table&gt;/.</summary>
    public static string Quarantine(string table) => $"quarantine/{table}/";

    /// <summary>Row counts of each run: _metrics/&lt;table&gt;/.</summary>
    public static string Metrics(string table) => $"_metrics/{table}/";
}
