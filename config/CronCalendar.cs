using System.Globalization;

namespace DataPipeline.Config;

/// <summary>
/// The days on which a valid cron expression (<see cref="CronExpression.Check"/>) runs, to bound how long a landed
/// file waits for its first run. Field meanings: https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based
/// </summary>
public static class CronCalendar
{
    /// <summary>Four years from here hold a leap day and every weekday on every date.</summary>
    private static readonly DateOnly ScanStart = new(2027, 1, 1);
    private const int ScanDays = 4 * 365 + 1;

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>
    /// The most days from one run to the next (1 for a daily schedule, 7 for a weekly one, 31 at most for a monthly
    /// one); null when the expression runs fewer than twice in four years.
    /// </summary>
    public static int? LongestGapDays(string expression)
    {
        var fields = expression["cron(".Length..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var months = Values(fields[3], 1, 12, MonthNames, 1);
        var years = Values(fields[5], 1970, 2199, null, 0);
        var runDays = Enumerable.Range(0, ScanDays).Select(ScanStart.AddDays)
            .Where(d => months.Contains(d.Month) && years.Contains(d.Year) && RunsOn(fields[2], fields[4], d))
            .Select(d => d.DayNumber).ToList();
        return runDays.Count < 2 ? null : runDays.Zip(runDays.Skip(1), (a, b) => b - a).Max();
    }

    private static bool RunsOn(string dayOfMonth, string dayOfWeek, DateOnly day) =>
        dayOfMonth == "?" ? MatchesDayOfWeek(dayOfWeek, day) : MatchesDayOfMonth(dayOfMonth, day);

    private static bool MatchesDayOfMonth(string field, DateOnly day)
    {
        var last = DateTime.DaysInMonth(day.Year, day.Month);
        if (field == "L")
        {
            return day.Day == last;
        }
        if (field == "LW")
        {
            return day == NearestWeekday(new DateOnly(day.Year, day.Month, last));
        }
        if (field.EndsWith('W'))
        {
            var wanted = Math.Min(int.Parse(field[..^1], CultureInfo.InvariantCulture), last);
            return day == NearestWeekday(new DateOnly(day.Year, day.Month, wanted));
        }
        return Values(field, 1, 31, null, 1).Contains(day.Day);
    }

    private static bool MatchesDayOfWeek(string field, DateOnly day)
    {
        var weekday = (int)day.DayOfWeek + 1; // cron counts SUN as 1
        if (field == "L")
        {
            return weekday == 7;
        }
        if (field.EndsWith('L'))
        {
            return weekday == int.Parse(field[..^1], CultureInfo.InvariantCulture) && day.AddDays(7).Month != day.Month;
        }
        if (field.Contains('#', StringComparison.Ordinal))
        {
            var parts = field.Split('#');
            return weekday == int.Parse(parts[0], CultureInfo.InvariantCulture) && (day.Day - 1) / 7 + 1 == int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        return Values(field, 1, 7, DayNames, 1).Contains(weekday);
    }

    /// <summary>The weekday nearest to a date within its month, as the W of day-of-month means.</summary>
    private static DateOnly NearestWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.Day == 1 ? date.AddDays(2) : date.AddDays(-1),
        DayOfWeek.Sunday => date.Day == DateTime.DaysInMonth(date.Year, date.Month) ? date.AddDays(-2) : date.AddDays(1),
        _ => date,
    };

    /// <summary>The values of a list of *, n, n-m and any of them with /step; names count from <paramref name="firstName"/>.</summary>
    private static HashSet<int> Values(string field, int min, int max, string[]? names, int firstName)
    {
        var values = new HashSet<int>();
        foreach (var part in field.Split(','))
        {
            var stepParts = part.Split('/');
            var step = stepParts.Length == 2 ? int.Parse(stepParts[1], CultureInfo.InvariantCulture) : 1;
            var range = stepParts[0].Split('-');
            var low = range[0] == "*" ? min : Number(range[0], names, firstName);
            var high = range.Length == 2 ? Number(range[1], names, firstName) : range[0] == "*" || stepParts.Length == 2 ? max : low;
            for (var value = low; value <= high && step > 0; value += step)
            {
                values.Add(value);
            }
        }
        return values;
    }

    private static int Number(string text, string[]? names, int firstName)
    {
        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + firstName : int.Parse(text, CultureInfo.InvariantCulture);
    }
}
