using DataPipeline.Config;

namespace DataPipeline.Tests.Config;

public sealed class CronCalendarTests
{
    [Theory]
    [InlineData("cron(0 3 * * ? *)", 1)]
    [InlineData("cron(0/15 * * * ? *)", 1)]
    [InlineData("cron(0,30 8-18 ? * MON-FRI *)", 3)]
    [InlineData("cron(0 6 ? * 2 *)", 7)]
    [InlineData("cron(0 6 1,15 * ? *)", 17)]
    [InlineData("cron(0 6 L * ? *)", 31)]
    [InlineData("cron(0 6 ? * 6#3 *)", 35)]
    [InlineData("cron(0 6 ? * 6L *)", 35)]
    [InlineData("cron(0 6 15W * ? *)", 32)]
    [InlineData("cron(0 3 1 */3 ? *)", 92)]
    [InlineData("cron(5 0 1 JAN ? *)", 366)]
    public void The_longest_gap_between_runs_is_counted_in_days(string expression, int days) =>
        Assert.Equal(days, CronCalendar.LongestGapDays(expression));

    [Fact]
    public void A_schedule_that_runs_once_has_no_gap() => Assert.Null(CronCalendar.LongestGapDays("cron(15 10 1 1 ? 2027)"));
}
