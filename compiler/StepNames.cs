namespace DataPipeline.Compiler;

/// <summary>The views a plan reads and registers; executors use the same names.</summary>
public static class StepNames
{
    /// <summary>The staging rows of a table as text, registered by the executor before the steps run.</summary>
    public static string Raw(string table) => $"raw_{table}";

    /// <summary>Every staging row with its typed values, raw text, reject reason and duplicate rank.</summary>
    public static string Checked(string table) => $"{table}_checked";

    /// <summary>The good, de-duplicated rows written to the warehouse.</summary>
    public static string Clean(string table) => $"{table}_clean";

    /// <summary>The rejected rows as raw text with their reason.</summary>
    public static string Rejects(string table) => $"{table}_rejects";

    /// <summary>Row counts of the run.</summary>
    public static string Metrics(string table) => $"{table}_metrics";

    /// <summary>The rows of a derived table.</summary>
    public static string Result(string derivedTable) => $"{derivedTable}_result";
}
