using DataPipeline.Compiler;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>How each column type turns cleaned text into a value, executed on DuckDB.</summary>
public class TypeTests
{
    private static string? Reason(ColumnDefinition column, string? text) => DuckDbPlanRun.ReasonOf(Of(column), RawRow.Of(text));

    private static object? Value(ColumnDefinition column, string? text) => DuckDbPlanRun.TypedValueOf(Of(column), RawRow.Of(text), column.Name);

    [Fact]
    public void Int_column_reads_signed_integer_text() => Assert.Equal(-42, Value(Column("n", ColumnKind.Int), "-42"));

    [Fact]
    public void Int_column_reads_a_leading_plus_sign() => Assert.Equal(7, Value(Column("n", ColumnKind.Int), "+7"));

    [Fact]
    public void Int_column_trims_spaces_even_without_the_trim_rule() => Assert.Equal(5, Value(Column("n", ColumnKind.Int), "  5 "));

    [Fact]
    public void Int_column_rejects_decimal_text_as_bad_type() => Assert.Equal("bad_type:n", Reason(Column("n", ColumnKind.Int), "1.5"));

    [Fact]
    public void Int_column_rejects_scientific_text_as_bad_type() => Assert.Equal("bad_type:n", Reason(Column("n", ColumnKind.Int), "1e3"));

    [Fact]
    public void Int_column_rejects_a_value_beyond_32_bits_as_bad_type() => Assert.Equal("bad_type:n", Reason(Column("n", ColumnKind.Int), "2147483648"));

    [Fact]
    public void Bigint_column_reads_a_value_beyond_32_bits() => Assert.Equal(2147483648L, Value(Column("n", ColumnKind.Bigint), "2147483648"));

    [Fact]
    public void Int_column_treats_empty_text_as_missing_not_bad_type() => Assert.Null(Reason(Column("n", ColumnKind.Int), ""));

    [Fact]
    public void Int_column_treats_blank_text_as_null() => Assert.Null(Value(Column("n", ColumnKind.Int), "   "));

    [Fact]
    public void Double_column_reads_scientific_notation() => Assert.Equal(6.02e23, Value(Column("x", ColumnKind.Double), "6.02e23"));

    [Fact]
    public void Double_column_reads_a_leading_dot() => Assert.Equal(0.5, Value(Column("x", ColumnKind.Double), ".5"));

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-inf")]
    [InlineData("1e400")]
    [InlineData("1,5")]
    [InlineData("0x1A")]
    public void Double_column_rejects_text_that_is_no_finite_plain_number_as_bad_type(string text) =>
        Assert.Equal("bad_type:x", Reason(Column("x", ColumnKind.Double), text));

    [Fact]
    public void Decimal_column_rounds_extra_digits_half_up() => Assert.Equal(1.235m, Value(Decimal("d", 10, 3), "1.2345"));

    [Fact]
    public void Decimal_column_rejects_a_value_too_large_for_its_precision_as_bad_type() =>
        Assert.Equal("bad_type:d", Reason(Decimal("d", 5, 2), "1234.5"));

    [Fact]
    public void Decimal_column_rejects_nan_as_bad_type() => Assert.Equal("bad_type:d", Reason(Decimal("d", 10, 3), "NaN"));

    [Theory]
    [InlineData("true")]
    [InlineData("T")]
    [InlineData("1")]
    [InlineData("Yes")]
    [InlineData(" y ")]
    public void Boolean_column_reads_true_words(string text) => Assert.Equal(true, Value(Column("b", ColumnKind.Boolean), text));

    [Theory]
    [InlineData("false")]
    [InlineData("F")]
    [InlineData("0")]
    [InlineData("NO")]
    [InlineData("n")]
    public void Boolean_column_reads_false_words(string text) => Assert.Equal(false, Value(Column("b", ColumnKind.Boolean), text));

    [Fact]
    public void Boolean_column_rejects_other_words_as_bad_type() => Assert.Equal("bad_type:b", Reason(Column("b", ColumnKind.Boolean), "maybe"));

    [Fact]
    public void Date_column_reads_the_default_pattern() =>
        Assert.Equal(new DateOnly(2023, 2, 28), ToDate(Value(Column("d", ColumnKind.Date), "2023-02-28")));

    [Fact]
    public void Date_column_rejects_an_invalid_calendar_date_as_bad_type() =>
        Assert.Equal("bad_type:d", Reason(Column("d", ColumnKind.Date), "2023-02-30"));

    [Fact]
    public void Date_column_rejects_text_of_another_shape_as_bad_type() =>
        Assert.Equal("bad_type:d", Reason(Column("d", ColumnKind.Date), "2023-2-3"));

    [Fact]
    public void Date_column_reads_its_own_format() =>
        Assert.Equal(new DateOnly(2023, 12, 31), ToDate(Value(Column("d", ColumnKind.Date, format: "dd/MM/yyyy"), "31/12/2023")));

    [Fact]
    public void Date_column_with_own_format_rejects_the_default_pattern_as_bad_type() =>
        Assert.Equal("bad_type:d", Reason(Column("d", ColumnKind.Date, format: "dd/MM/yyyy"), "2023-12-31"));

    [Fact]
    public void Timestamp_column_reads_the_default_pattern() =>
        Assert.Equal(new DateTime(2023, 1, 2, 10, 11, 12), Value(Column("ts", ColumnKind.Timestamp), "2023-01-02 10:11:12"));

    [Fact]
    public void Timestamp_column_reads_a_format_with_a_quoted_letter_and_milliseconds() =>
        Assert.Equal(new DateTime(2023, 1, 2, 10, 11, 12, 345),
            Value(Column("ts", ColumnKind.Timestamp, format: "yyyy-MM-dd'T'HH:mm:ss.SSS"), "2023-01-02T10:11:12.345"));

    [Fact]
    public void Timestamp_column_rejects_an_invalid_hour_as_bad_type() =>
        Assert.Equal("bad_type:ts", Reason(Column("ts", ColumnKind.Timestamp), "2023-01-02 25:00:00"));

    [Fact]
    public void String_column_is_never_bad_type() => Assert.Null(Reason(Column("s", ColumnKind.String), "anything at all"));

    private static DateOnly ToDate(object? value) => value switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new InvalidOperationException($"Expected a date, got {value?.GetType().Name ?? "null"}."),
    };
}
