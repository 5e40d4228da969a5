namespace DataPipeline.Config.Model;

/// <summary>A schedule: an EventBridge/Glue cron expression in UTC, or on demand.</summary>
public sealed record Schedule(string? Cron)
{
    public const string OnDemand = "on_demand";

    public bool IsOnDemand => Cron is null;

    public static Schedule Parse(string text) => new(text == OnDemand ? null : text);

    public override string ToString() => Cron ?? OnDemand;
}
