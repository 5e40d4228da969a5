using DataPipeline.Config.Model;

namespace DataPipeline.Compiler.Internal;

/// <summary>The names of encodings in plans, as Python's codecs and DuckDB's read_csv spell them.</summary>
internal static class PlanEncoding
{
    public static string Of(SourceEncoding encoding) => encoding switch
    {
        SourceEncoding.Utf8 => "utf-8",
        SourceEncoding.Latin1 => "latin-1",
        SourceEncoding.Utf16 => "utf-16",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown encoding."),
    };
}
