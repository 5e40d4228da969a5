using System.Globalization;
using System.Text.RegularExpressions;

namespace DataPipeline.Config;

/// <summary>
/// Checks an EventBridge/Glue cron expression: cron(minutes hours day-of-month month day-of-week year), in UTC.
/// See https://docs.aws.amazon.com/glue/latest/dg/monitor-data-warehouse-schedule.html
/// </summary>
public static partial class CronExpression
{
    /// <summary>The shortest interval allowed between two runs.</summary>
    public const int MinimumIntervalMinutes = 5;

    private static readonly (string Name, Regex Pattern, int Max)[] Fields =
    [
        ("minutes", FieldPattern(), 59),
        ("hours", FieldPattern(), 23),
        ("day-of-month", DayOfMonthPattern(), 31),
        ("month", MonthPattern(), 12),
        ("day-of-week", DayOfWeekPattern(), 7),
        ("year", FieldPattern(), 2199),
    ];

    /// <summary>Returns what is wrong with the expression, phrased as what to do, or null when it is valid.</summary>
    public static string? Check(string expression)
    {
        var match = Outer().Match(expression);
        if (!match.Success)
        {
            return "write a schedule as cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 3 * * ? *), or on_demand.";
        }
        var parts = match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            return $"a cron expression has six fields (minutes hours day-of-month month day-of-week year), this one has {parts.Length}; e.g. cron(0 3 * * ? *).";
        }
        for (var i = 0; i < Fields.Length; i++)
        {
            var (name, pattern, max) = Fields[i];
            if (!pattern.IsMatch(parts[i]) || Numbers(parts[i]).Any(n => n > max))
            {
                return $"the {name} field '{parts[i]}' is not valid; see the AWS cron reference.";
            }
        }
        var dayOfMonthUnset = parts[2] == "?";
        var dayOfWeekUnset = parts[4] == "?";
        if (dayOfMonthUnset == dayOfWeekUnset)
        {
            return "exactly one of day-of-month and day-of-week must be '?'; e.g. cron(0 3 * * ? *) for every day.";
        }
        if (RunsTooOften(parts[0]))
        {
            return $"it would run more often than every {MinimumIntervalMinutes} minutes; use a step of at least {MinimumIntervalMinutes}, e.g. 0/15.";
        }
        return null;
    }

    private static bool RunsTooOften(string minutes)
    {
        if (minutes == "*" || minutes.Contains('-', StringComparison.Ordinal))
        {
            return true;
        }
        var step = minutes.Split('/');
        if (step.Length == 2)
        {
            return Number(step[1]) < MinimumIntervalMinutes;
        }
        var values = Numbers(minutes).Order().ToList();
        return values.Zip(values.Skip(1), (a, b) => b - a).Any(gap => gap < MinimumIntervalMinutes)
            || (values.Count > 1 && values[0] + 60 - values[^1] < MinimumIntervalMinutes);
    }

    private static IEnumerable<long> Numbers(string field) => NumberPattern().Matches(field).Select(m => Number(m.Value));

    /// <summary>The digits as a number; more digits than a long holds count as the largest long, which every check refuses.</summary>
    private static long Number(string digits) =>
        long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : long.MaxValue;

    [GeneratedRegex(@"^cron\((.*)\)$")]
    private static partial Regex Outer();

    [GeneratedRegex(@"^(\*|\d+(-\d+)?)(/\d+)?(,\d+(-\d+)?)*$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^(\?|L|LW|\d+W|(\*|\d+(-\d+)?)(/\d+)?(,\d+(-\d+)?)*)$")]
    private static partial Regex DayOfMonthPattern();

    [GeneratedRegex(@"^((\*|(\d+|[A-Za-z]{3})(-(\d+|[A-Za-z]{3}))?)(/\d+)?)(,(\d+|[A-Za-z]{3})(-(\d+|[A-Za-z]{3}))?)*$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\?|L|\d+L|\d+#\d|(\*|(\d+|[A-Za-z]{3})(-(\d+|[A-Za-z]{3}))?)(/\d+)?(,(\d+|[A-Za-z]{3})(-(\d+|[A-Za-z]{3}))?)*)$")]
    private static partial Regex DayOfWeekPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex NumberPattern();
}
