namespace DataPipeline.Compiler;

/// <summary>
/// What the executor reads for a table and registers before the steps run: raw_&lt;table&gt; (_source_file, _line), one
/// row per record (each line without its line end and byte-order mark), and files_&lt;table&gt; (_source_file,
/// _first_line, _arrival), one row per file. Everything else
/// (header, fields, null values, types, rules) is SQL of the plan, the same on every engine.
/// </summary>
public sealed record SourcePlan
{
    public required RecordFormat Format { get; init; }
    /// <summary>The files' encoding as Python and DuckDB name it: "utf-8", "latin-1" or "utf-16" (little-endian).</summary>
    public required string Encoding { get; init; }
    /// <summary>
    /// A regex (the same in .NET and Python) that the path of a file under staging/&lt;table&gt;/ ('/'-separated) matches
    /// for the file to be read; other files (_SUCCESS, .DS_Store, README.txt, hidden folders) are ignored.
    /// </summary>
    public required string FilePattern { get; init; }
}
