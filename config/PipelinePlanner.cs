using DataPipeline.Config.Settings;
using DataPipeline.Config.Model;

namespace DataPipeline.Config;

/// <summary>Resolves one dataset in one environment into a <see cref="DatasetPlan"/>: defaults, then environment, then dataset overrides.</summary>
public static class PipelinePlanner
{
    public static IReadOnlyList<DatasetPlan> Plan(PipelineConfig pipeline, EnvironmentConfig environment) =>
        environment.Datasets.Select(selection => Plan(pipeline, environment, selection)).ToList();

    public static DatasetPlan Plan(PipelineConfig pipeline, EnvironmentConfig environment, DatasetOverrides selection)
    {
        var dataset = pipeline.Dataset(selection.Name);
        return new DatasetPlan
        {
            Pipeline = pipeline,
            Environment = environment,
            Dataset = dataset,
            Names = new ResourceNames(pipeline.Project, environment.Name, dataset.Name, environment.Account),
            Athena = selection.Athena ?? environment.Athena,
            Crawler = selection.Crawler ?? environment.Crawler,
            Etl = ResolveEtl(dataset, environment.Etl, selection.Etl),
        };
    }

    private static EtlSettings ResolveEtl(DatasetDefinition dataset, EtlOptions environment, EtlOptions? overrides)
    {
        var job = environment.Job.ApplyTo(new JobSettings());
        if (overrides is not null)
        {
            job = overrides.Job.ApplyTo(job);
        }
        var tables = new Dictionary<string, JobSettings>(StringComparer.Ordinal);
        foreach (var table in dataset.AllTableNames)
        {
            var settings = job;
            if (environment.Tables.TryGetValue(table, out var fromEnvironment))
            {
                settings = fromEnvironment.ApplyTo(settings);
            }
            if (overrides is not null && overrides.Tables.TryGetValue(table, out var fromDataset))
            {
                settings = fromDataset.ApplyTo(settings);
            }
            tables[table] = settings;
        }
        return new EtlSettings
        {
            Schedule = overrides?.Schedule ?? environment.Schedule ?? Schedule.Parse(EnvironmentFileSettings.EtlSchedule.DefaultValue),
            EventDriven = overrides?.EventDriven ?? environment.EventDriven ?? EnvironmentFileSettings.EventDriven.DefaultValue,
            BatchWindowMinutes = overrides?.BatchWindowMinutes ?? environment.BatchWindowMinutes ?? EnvironmentFileSettings.BatchWindowMinutes.DefaultValue,
            TablesPerJob = overrides?.TablesPerJob ?? environment.TablesPerJob ?? EnvironmentFileSettings.TablesPerJob.DefaultValue,
            Job = job,
            Tables = tables,
        };
    }
}
