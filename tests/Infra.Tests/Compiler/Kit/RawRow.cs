namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>A row of the raw view: the text of every declared column, and the line when the reader could not parse it.</summary>
internal sealed record RawRow(IReadOnlyList<string?> Values, string? CorruptRecord = null)
{
    public static RawRow Of(params string?[] values) => new(values);

    public static RawRow Malformed(string line, int columns) => new(new string?[columns], line);
}
