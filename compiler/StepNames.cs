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

    /// <summary>Registered by the executor: the rows the warehouse table holds, with _file (see <see cref="CurrentTable"/>).</summary>
    public static string Current(string table) => $"current_{table}";

    /// <summary>Warehouse rows whose key a good row of this run holds too.</summary>
    public static string Matched(string table) => $"{table}_matched";

    /// <summary>The versions of each matched key, old and new, ranked.</summary>
    public static string Contest(string table) => $"{table}_contest";

    /// <summary>The rows this run adds to the warehouse: new keys, and new versions that win over the old.</summary>
    public static string Upserts(string table) => $"{table}_upserts";

    /// <summary>Warehouse rows that newer versions replace.</summary>
    public static string Replaced(string table) => $"{table}_replaced";

    /// <summary>The other rows of the files that hold replaced rows, written again.</summary>
    public static string Kept(string table) => $"{table}_kept";

    /// <summary>The files that hold replaced rows.</summary>
    public static string RemovedFiles(string table) => $"{table}_removed_files";

    /// <summary>The rejected records as read, with their reason.</summary>
    public static string Rejects(string table) => $"{table}_rejects";

    /// <summary>Counts of the run.</summary>
    public static string Metrics(string table) => $"{table}_metrics";

    /// <summary>The rows of a derived table.</summary>
    public static string Result(string derivedTable) => $"{derivedTable}_result";
}
