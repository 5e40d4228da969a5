using DataPipeline.Config.Model;

namespace DataPipeline.Tests.Compiler.Kit;

/// <summary>
/// Small table definitions for compiler tests: a table "t" of the given columns, read from JSON lines so that a value
/// can be missing (no key), empty ("") or blank in any column; the CSV grammar has tests of its own.
/// </summary>
internal static class TestTables
{
    public static TableDefinition Of(params ColumnDefinition[] columns) => new()
    {
        Name = "t",
        Source = new SourceFormat { Kind = SourceKind.JsonLines },
        Columns = columns,
    };

    public static ColumnDefinition Column(string name, ColumnKind kind, ColumnRules? rules = null, bool required = false, string? format = null) => new()
    {
        Name = name,
        Type = new ColumnType(kind),
        Rules = rules ?? new ColumnRules(),
        Required = required,
        Format = format,
    };

    public static ColumnDefinition Decimal(string name, int precision, int scale, ColumnRules? rules = null) => new()
    {
        Name = name,
        Type = new ColumnType(ColumnKind.Decimal, precision, scale),
        Rules = rules ?? new ColumnRules(),
    };
}
