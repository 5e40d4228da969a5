namespace DataPipeline.Compiler;

/// <summary>The views a plan reads and registers; executors use the same names.</summary>
public static class StepNames
{
    /// <summary>Registered by the executor: one row per record of the files read (_source_file, _line).</summary>
    public static string Raw(string table) => $"raw_{table}";

    /// <summary>Registered by the executor: one row per file read (_source_file, _first_line, _arrival).</summary>
    public static string Files(string table) => $"files_{table}";

    /// <summary>Per file: where each column is in the file's header, and how many fields a record has.</summary>
    public static string Layout(string table) => $"{table}_layout";

    /// <summary>Problems that stop the table (a header without a declared column, a file in the wrong format or encoding).</summary>
    public static string Problems(string table) => $"{table}_problems";

    /// <summary>Every record with its typed values, raw text and reject reason.</summary>
    public static string Typed(string table) => $"{table}_typed";

    /// <summary>Keys held by more than one good record.</summary>
    public static string DuplicateKeys(string table) => $"{table}_duplicate_keys";

    /// <summary>The good, de-duplicated rows written to the warehouse.</summary>
    public static string Clean(string table) => $"{table}_clean";

    /// <summary>The rejected records as read, with their reason.</summary>
    public static string Rejects(string table) => $"{table}_rejects";

    /// <summary>Counts of the run.</summary>
    public static string Metrics(string table) => $"{table}_metrics";

    /// <summary>The rows of a derived table.</summary>
    public static string Result(string derivedTable) => $"{derivedTable}_result";
}
