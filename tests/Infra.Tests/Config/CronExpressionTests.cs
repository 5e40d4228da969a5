using DataPipeline.Config;

namespace DataPipeline.Tests.Config;

public sealed class CronExpressionTests
{
    [Theory]
    [InlineData("cron(0 3 * * ? *)")]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("cron(0,30 8-18 ? * MON-FRI *)")]
    [InlineData("cron(15 10 L * ? 2027)")]
    [InlineData("cron(0 12 ? * 6#3 *)")]
    [InlineData("cron(5 0 1 JAN ? *)")]
    public void Valid_expressions_pass(string expression) => Assert.Null(CronExpression.Check(expression));

    [Theory]
    [InlineData("0 3 * * ? *")]
    [InlineData("cron(0 3 * * ?)")]
    [InlineData("cron(0 3 * * ? * *)")]
    [InlineData("cron(0 3 ? * ? *)")]
    [InlineData("cron(0 3 1 * MON *)")]
    [InlineData("cron(60 3 * * ? *)")]
    [InlineData("cron(0 24 * * ? *)")]
    [InlineData("cron(* 3 * * ? *)")]
    [InlineData("cron(0/4 * * * ? *)")]
    [InlineData("cron(0-10 * * * ? *)")]
    [InlineData("cron(0,3 * * * ? *)")]
    [InlineData("cron(0,58 * * * ? *)")]
    public void Invalid_or_too_frequent_expressions_are_rejected(string expression) => Assert.NotNull(CronExpression.Check(expression));
}
