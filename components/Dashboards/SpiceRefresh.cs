namespace DataPipeline.Components.Dashboards;

/// <summary>
/// When QuickSight re-imports a SPICE dataset, in the terms of AWS::QuickSight::RefreshSchedule: Interval HOURLY,
/// DAILY, WEEKLY or MONTHLY, TimeOfTheDay HH:MM (not for HOURLY), a time zone, and the day for WEEKLY (MONDAY...) or
/// MONTHLY (1 to 31).
/// </summary>
public sealed record SpiceRefresh(string Interval, string TimeOfTheDay, string TimeZone, string? DayOfWeek = null, string? DayOfMonth = null);
