using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>
/// Trimming of CSV fields, executed on DuckDB: the typed step tests a field's ends only on lines whose spaces or tabs
/// stand beside a delimiter, a quote or a line end, so each place a padded value can come from is tried here.
/// </summary>
public class CsvTrimTests
{
    private static readonly ColumnRules Trimmed = new() { Trim = true };

    private static TableDefinition Table(string delimiter = ",") =>
        Of(Column("a", ColumnKind.String, Trimmed), Column("b", ColumnKind.String, Trimmed), Column("c", ColumnKind.String, Trimmed)) with
        {
            Source = new SourceFormat { Kind = SourceKind.Csv, Delimiter = delimiter },
        };

    private static Dictionary<string, object?> Record(string line, string delimiter = ",")
    {
        using var run = DuckDbPlanRun.OfFiles(Table(delimiter), ("part-0.csv", string.Join(delimiter, "a", "b", "c") + "\n" + line + "\n"));
        return run.Records().Single();
    }

    [Fact]
    public void Quoted_field_with_a_space_after_its_opening_quote_is_trimmed() => Assert.Equal("b", Record("x,\"  b\",z")["b"]);

    [Fact]
    public void Quoted_field_with_a_tab_before_its_closing_quote_is_trimmed() => Assert.Equal("b", Record("x,\"b\t\",z")["b"]);

    [Fact]
    public void Field_with_spaces_before_the_delimiter_is_trimmed() => Assert.Equal("b", Record("x,b  ,z")["b"]);

    [Fact]
    public void Field_with_a_space_after_the_delimiter_is_trimmed() => Assert.Equal("b", Record("x, b,z")["b"]);

    [Fact]
    public void First_field_with_a_leading_space_is_trimmed() => Assert.Equal("a", Record(" a,y,z")["a"]);

    [Fact]
    public void Last_field_with_a_trailing_tab_is_trimmed() => Assert.Equal("c", Record("x,y,c\t")["c"]);

    [Fact]
    public void Field_beside_another_delimiter_is_trimmed() => Assert.Equal("b", Record("x; b ;z", ";")["b"]);

    [Fact]
    public void Spaces_inside_values_of_a_line_without_padding_stay() =>
        Assert.Equal(["a b", "c d", "e f"], new[] { "a", "b", "c" }.Select(c => Record("a b,\"c d\",e f")[c]));
}
