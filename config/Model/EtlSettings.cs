using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Resolved ETL settings of one dataset in one environment.</summary>
public sealed record EtlSettings
{
    public Schedule Schedule { get; init; } = Schedule.Parse(EnvironmentFileSettings.EtlSchedule.DefaultValue);
    public bool EventDriven { get; init; } = EnvironmentFileSettings.EventDriven.DefaultValue;
    public int BatchWindowMinutes { get; init; } = EnvironmentFileSettings.BatchWindowMinutes.DefaultValue;
    public int TablesPerJob { get; init; } = EnvironmentFileSettings.TablesPerJob.DefaultValue;
    public JobSettings Job { get; init; } = new();
    /// <summary>Settings of each job by table name; tables without overrides use <see cref="Job"/>.</summary>
    public IReadOnlyDictionary<string, JobSettings> Tables { get; init; } = new Dictionary<string, JobSettings>();

    public JobSettings For(string table) => Tables.TryGetValue(table, out var settings) ? settings : Job;
}
