using DataPipeline.Compiler;

namespace DataPipeline.Tests.Config;

/// <summary>A column's regex may use only what Java (Spark) and RE2 (DuckDB) read alike; the rest is refused when the configuration loads.</summary>
public sealed class RegexRuleTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    private IReadOnlyList<string> ErrorsWith(string regex) =>
        _files.Change("pipeline.yaml", "{ name: order_id, type: string, required: true }", $"{{ name: order_id, type: string, required: true, rules: {{ regex: '{regex}' }} }}").Errors();

    [Fact]
    public void A_lookahead_is_refused_naming_it() =>
        Assert.Equal(["pipeline.yaml line 12: 'datasets[sales].tables[orders].columns[order_id].rules.regex' is '^(?=a)b$', which uses '(?=' (a lookaround, named group or inline flag): Spark (Java regex) and DuckDB (RE2) read it differently, so use plain groups ( ) or (?: ), and write both cases of a letter, e.g. [Aa]."],
            ErrorsWith("^(?=a)b$"));

    [Fact]
    public void An_inline_flag_is_refused() =>
        Assert.Contains("which uses '(?i' (a lookaround, named group or inline flag)", Assert.Single(ErrorsWith("(?i)^abc$")), StringComparison.Ordinal);

    [Fact]
    public void A_back_reference_is_refused() =>
        Assert.Contains("which uses the back-reference \\1: Spark (Java regex) and DuckDB (RE2) read it differently, so match the text without one (RE2 has none).", Assert.Single(ErrorsWith("^(a)\\1$")), StringComparison.Ordinal);

    [Fact]
    public void A_word_boundary_is_refused() =>
        Assert.Contains("which uses \\b:", Assert.Single(ErrorsWith("\\bword\\b")), StringComparison.Ordinal);

    [Fact]
    public void A_unicode_property_is_refused() =>
        Assert.Contains("which uses \\p:", Assert.Single(ErrorsWith("^\\p{L}+$")), StringComparison.Ordinal);

    [Fact]
    public void A_posix_class_is_refused() =>
        Assert.Contains("which uses a POSIX class [[:...:]]:", Assert.Single(ErrorsWith("^[[:alpha:]]+$")), StringComparison.Ordinal);

    [Fact]
    public void A_possessive_quantifier_is_refused() =>
        Assert.Contains("which uses the possessive quantifier '*+':", Assert.Single(ErrorsWith("^a*+$")), StringComparison.Ordinal);

    [Fact]
    public void An_unclosed_class_is_refused() =>
        Assert.Equal("pipeline.yaml line 12: 'datasets[sales].tables[orders].columns[order_id].rules.regex' is '^[a-z', which opens a character class that is not closed; add ']'.", Assert.Single(ErrorsWith("^[a-z")));

    [Fact]
    public void A_portable_regex_loads() => Assert.Empty(ErrorsWith("^(?:[0-9A-Fa-f]{2}|x)+\\d?\\s*[^,]{1,3}$"));

    [Fact]
    public void Dollar_is_compiled_to_the_very_end() => Assert.Equal("^ab\\z", PortableRegex.Compile("^ab$"));

    [Fact]
    public void Dot_is_compiled_to_anything_but_a_line_feed() => Assert.Equal("^a[^\\n]c", PortableRegex.Compile("^a.c"));

    [Fact]
    public void Backslash_s_is_compiled_to_the_same_six_characters_on_both_engines() =>
        Assert.Equal("[\\t\\n\\x0B\\f\\r ]+[^\\t\\n\\x0B\\f\\r ]", PortableRegex.Compile("\\s+\\S"));

    [Fact]
    public void Escaped_dollar_and_dot_stay_literal() => Assert.Equal("\\$\\.[.$]", PortableRegex.Compile("\\$\\.[.$]"));
}
