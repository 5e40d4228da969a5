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

    /// <summary>The staging files a table's runs processed: _state/&lt;table&gt;/ledger.jsonl.</summary>
    public static string Ledger(string table) => $"_state/{table}/ledger.jsonl";

    /// <summary>The hash of the plan that last built a derived table: _state/&lt;table&gt;/plan.sha256.</summary>
    public static string DerivedPlan(string table) => $"_state/{table}/plan.sha256";

    /// <summary>The folder of one run's quarantine or metrics under such a folder: run_id=&lt;run&gt;/.</summary>
    public static string Run(string folder, string runId) => $"{folder}run_id={runId}/";
}
