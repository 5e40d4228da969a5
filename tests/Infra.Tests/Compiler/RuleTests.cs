using DataPipeline.Config.Model;
using DataPipeline.Tests.Compiler.Kit;
using static DataPipeline.Tests.Compiler.Kit.TestTables;

namespace DataPipeline.Tests.Compiler;

/// <summary>required, min/max, allowed_values and regex, and the order reject reasons are picked in; executed on DuckDB.</summary>
public class RuleTests
{
    private static string? Reason(ColumnDefinition column, string? text) => DuckDbPlanRun.ReasonOf(Of(column), RawRow.Of(text));

    [Fact]
    public void Required_column_rejects_null_as_missing_required() =>
        Assert.Equal("missing_required:s", Reason(Column("s", ColumnKind.String, required: true), null));

    [Fact]
    public void Required_string_rejects_empty_text_even_without_empty_as_null() =>
        Assert.Equal("missing_required:s", Reason(Column("s", ColumnKind.String, required: true), ""));

    [Fact]
    public void Required_string_rejects_blank_text_when_trimmed() =>
        Assert.Equal("missing_required:s", Reason(Column("s", ColumnKind.String, new ColumnRules { Trim = true }, required: true), "  "));

    [Fact]
    public void Required_int_rejects_blank_text_as_missing_required() =>
        Assert.Equal("missing_required:n", Reason(Column("n", ColumnKind.Int, required: true), " "));

    [Fact]
    public void Column_that_is_not_required_accepts_null() => Assert.Null(Reason(Column("s", ColumnKind.String, required: false), null));

    [Fact]
    public void Min_zero_rejects_a_negative_number() =>
        Assert.Equal("out_of_range:n", Reason(Column("n", ColumnKind.Int, new ColumnRules { Min = 0 }), "-1"));

    [Fact]
    public void Min_zero_accepts_zero() => Assert.Null(Reason(Column("n", ColumnKind.Int, new ColumnRules { Min = 0 }), "0"));

    [Fact]
    public void Max_rejects_a_larger_number() =>
        Assert.Equal("out_of_range:x", Reason(Column("x", ColumnKind.Double, new ColumnRules { Min = 0, Max = 1 }), "1.0001"));

    [Fact]
    public void Max_accepts_the_bound_itself() => Assert.Null(Reason(Column("x", ColumnKind.Double, new ColumnRules { Max = 1 }), "1"));

    [Fact]
    public void Negative_min_accepts_a_value_above_it() =>
        Assert.Null(Reason(Column("n", ColumnKind.Int, new ColumnRules { Min = -1, Max = 11 }), "-1"));

    [Fact]
    public void Decimal_bounds_compare_the_decimal_value() =>
        Assert.Equal("out_of_range:d", Reason(Decimal("d", 10, 3, new ColumnRules { Min = 0 }), "-0.001"));

    [Fact]
    public void Range_does_not_apply_to_a_missing_value() =>
        Assert.Null(Reason(Column("n", ColumnKind.Int, new ColumnRules { Min = 1 }), ""));

    [Fact]
    public void String_min_applies_to_its_length() =>
        Assert.Equal("out_of_range:s", Reason(Column("s", ColumnKind.String, new ColumnRules { Min = 3 }), "ab"));

    [Fact]
    public void String_max_applies_to_its_length() =>
        Assert.Equal("out_of_range:s", Reason(Column("s", ColumnKind.String, new ColumnRules { Max = 2 }), "abc"));

    [Fact]
    public void String_length_counts_characters_not_bytes() =>
        Assert.Null(Reason(Column("s", ColumnKind.String, new ColumnRules { Max = 5 }), "héllo"));

    [Fact]
    public void Allowed_values_reject_another_value_as_not_allowed() =>
        Assert.Equal("not_allowed:s", Reason(Column("s", ColumnKind.String, new ColumnRules { AllowedValues = ["album", "single"] }), "ep"));

    [Fact]
    public void Allowed_values_compare_the_cleaned_text() =>
        Assert.Null(Reason(Column("s", ColumnKind.String, new ColumnRules { Trim = true, Lowercase = true, AllowedValues = ["album"] }), " ALBUM "));

    [Fact]
    public void Allowed_values_of_a_number_compare_its_text() =>
        Assert.Equal("not_allowed:n", Reason(Column("n", ColumnKind.Int, new ColumnRules { AllowedValues = ["0", "1"] }), "01"));

    [Fact]
    public void Allowed_values_do_not_apply_to_null() =>
        Assert.Null(Reason(Column("s", ColumnKind.String, new ColumnRules { AllowedValues = ["a"] }), null));

    [Fact]
    public void Regex_rejects_text_that_does_not_match_as_pattern_mismatch() =>
        Assert.Equal("pattern_mismatch:s", Reason(Column("s", ColumnKind.String, new ColumnRules { Regex = "^[0-9A-Za-z]{22}$" }), "short"));

    [Fact]
    public void Regex_accepts_matching_text() =>
        Assert.Null(Reason(Column("s", ColumnKind.String, new ColumnRules { Regex = "^[0-9A-Za-z]{22}$" }), "0123456789abcdefghijAB"));

    [Fact]
    public void Regex_matches_anywhere_unless_anchored() =>
        Assert.Null(Reason(Column("s", ColumnKind.String, new ColumnRules { Regex = "b" }), "abc"));

    [Fact]
    public void Regex_applies_to_empty_text_that_is_kept() =>
        Assert.Equal("pattern_mismatch:s", Reason(Column("s", ColumnKind.String, new ColumnRules { Regex = "^a" }), ""));

    [Fact]
    public void Regex_does_not_apply_to_empty_text_turned_null() =>
        Assert.Null(Reason(Column("s", ColumnKind.String, new ColumnRules { EmptyAsNull = true, Regex = "^a" }), ""));

    [Fact]
    public void Malformed_row_comes_before_every_column_check()
    {
        var table = Of(Column("s", ColumnKind.String, required: true));
        Assert.Equal("malformed_row", DuckDbPlanRun.ReasonOf(table, RawRow.Malformed("a,\"b")));
    }

    [Fact]
    public void Missing_required_comes_before_bad_type_of_a_later_column()
    {
        var table = Of(Column("a", ColumnKind.String, required: true), Column("b", ColumnKind.Int));
        Assert.Equal("missing_required:a", DuckDbPlanRun.ReasonOf(table, RawRow.Of(null, "x")));
    }

    [Fact]
    public void Checks_of_one_column_come_in_order_bad_type_before_range() =>
        Assert.Equal("bad_type:n", Reason(Column("n", ColumnKind.Int, new ColumnRules { Min = 0, AllowedValues = ["1"] }), "-1.5"));

    [Fact]
    public void Range_comes_before_allowed_values() =>
        Assert.Equal("out_of_range:n", Reason(Column("n", ColumnKind.Int, new ColumnRules { Min = 0, AllowedValues = ["1"] }), "-1"));

    [Fact]
    public void Allowed_values_come_before_regex() =>
        Assert.Equal("not_allowed:s", Reason(Column("s", ColumnKind.String, new ColumnRules { AllowedValues = ["a"], Regex = "^a$" }), "b"));

    [Fact]
    public void First_failing_column_in_declared_order_gives_the_reason()
    {
        var table = Of(Column("a", ColumnKind.Int), Column("b", ColumnKind.Int, required: true));
        Assert.Equal("bad_type:a", DuckDbPlanRun.ReasonOf(table, RawRow.Of("x", null)));
    }

    [Fact]
    public void Good_row_has_no_reason()
    {
        var table = Of(Column("a", ColumnKind.Int, new ColumnRules { Min = 0 }, required: true), Column("b", ColumnKind.String));
        Assert.Null(DuckDbPlanRun.ReasonOf(table, RawRow.Of("0", null)));
    }
}
