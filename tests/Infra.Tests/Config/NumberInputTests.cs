using DataPipeline.Config.Settings;

namespace DataPipeline.Tests.Config;

/// <summary>Every number the configuration holds is checked for range before it is used: no input, however large, ends in a stack trace.</summary>
public sealed class NumberInputTests : IDisposable
{
    private const string Huge = "99999999999999999999999999999999";
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Each whole-number setting of the environment file, with the path of its first place in the file.</summary>
    public static TheoryData<string> EnvironmentWholeNumbers()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Walk(EnvironmentFileSettings.File, ""))
        {
            data.Add(path);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EnvironmentWholeNumbers))]
    public void A_whole_number_setting_far_beyond_its_range_is_rejected_with_its_range(string path)
    {
        var setting = Walk(EnvironmentFileSettings.File, "").Single(x => x.Path == path).Setting;
        var keys = path.Split('.');
        var yaml = string.Concat(keys.Select((k, i) => new string(' ', 2 * i) + k + (i == keys.Length - 1 ? $": {Huge}\n" : ":\n")));
        _files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", yaml + "datasets:\n  sales: {}");
        var error = Assert.Single(_files.Errors());
        Assert.EndsWith($"'{path}' must be between {setting.Min} and {setting.Max}{setting.Unit}, not {Huge}; pick a value in that range.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_setting_written_as_a_fraction_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "datasets:\n  sales: {}", "alerts:\n  freshness_hours: 1.5\ndatasets:\n  sales: {}");
        Assert.Equal(["pipeline.dev.yaml line 7: 'alerts.freshness_hours' must be a whole number, not '1.5'."], _files.Errors());
    }

    [Fact]
    public void Decimal_precision_with_many_digits_is_rejected()
    {
        _files.Change("pipeline.yaml", "type: double", "type: \"decimal(99999999999,2)\"");
        Assert.Equal(["pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[amount].type' is 'decimal(99999999999,2)'; decimal precision must be 1 to 38 and scale at most the precision."], _files.Errors());
    }

    [Fact]
    public void Decimal_scale_with_many_digits_is_rejected()
    {
        _files.Change("pipeline.yaml", "type: double", "type: \"decimal(10,99999999999)\"");
        Assert.Equal(["pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[amount].type' is 'decimal(10,99999999999)'; decimal precision must be 1 to 38 and scale at most the precision."], _files.Errors());
    }

    [Fact]
    public void Cron_step_with_many_digits_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "cron(0 5 * * ? *)", "cron(0/99999999999 6 * * ? *)");
        Assert.Equal(["pipeline.dev.yaml line 5: 'crawler.schedule' is 'cron(0/99999999999 6 * * ? *)': the minutes field '0/99999999999' is not valid; see the AWS cron reference."], _files.Errors());
    }

    [Fact]
    public void Cron_year_beyond_what_aws_accepts_is_rejected()
    {
        _files.Change("pipeline.dev.yaml", "cron(0 5 * * ? *)", "cron(0 5 * * ? 99999999999999999999)");
        Assert.Equal(["pipeline.dev.yaml line 5: 'crawler.schedule' is 'cron(0 5 * * ? 99999999999999999999)': the year field '99999999999999999999' is not valid; see the AWS cron reference."], _files.Errors());
    }

    [Fact]
    public void Rule_bound_beyond_any_decimal_is_rejected()
    {
        _files.Change("pipeline.yaml", "rules: { min: 0 }", "rules: { min: 1e400 }");
        Assert.Equal(["pipeline.yaml line 13: 'datasets[sales].tables[orders].columns[amount].rules.min' must be a number between -8E+028 and 8E+028, not '1e400'."], _files.Errors());
    }

    private static IEnumerable<(string Path, IntSetting Setting)> Walk(SettingGroup group, string prefix)
    {
        foreach (var member in group.Members)
        {
            switch (member)
            {
                case IntSetting number:
                    yield return (prefix + number.Key, number);
                    break;
                case SectionSetting section:
                    foreach (var inner in Walk(section.Keys, prefix + section.Key + "."))
                    {
                        yield return inner;
                    }
                    break;
            }
        }
    }
}
