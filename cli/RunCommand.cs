using System.CommandLine;
using System.Globalization;
using DataPipeline.Config;
using DataPipeline.Local;
using Spectre.Console;

namespace DataPipeline.Cli;

/// <summary>Runs the pipeline locally on DuckDB: ETL, catalog, saved queries and report for each dataset of an environment.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var environment = new Option<string>("--env") { Description = "Environment whose datasets run.", DefaultValueFactory = _ => "dev" };
        var dataset = new Option<string[]>("--dataset") { Description = "Dataset to run (repeatable). Default: every dataset of the environment.", AllowMultipleArgumentsPerToken = true };
        var staging = new Option<string?>("--staging") { Description = "Folder holding <table>/*.csv|*.jsonl; {dataset} is replaced by the dataset name. Default: samples/<dataset>." };
        var output = new Option<string?>("--out") { Description = "Output root; each dataset lands in <out>/<dataset>. Default: .pipeline/<env>." };
        var fullRefresh = new Option<bool>("--full-refresh") { Description = "Rebuild every table from all readable staging files and reset its ledger, instead of merging only the files new since the last run." };
        var configDirectory = new Option<string>("--config-dir")
        {
            Description = "Folder holding pipeline.yaml and the environment files.",
            DefaultValueFactory = _ => Directory.GetCurrentDirectory(),
        };
        var command = new Command("run", "Run the pipeline locally on DuckDB: clean staging files, build derived tables, catalog, saved queries and report.");
        command.Options.Add(environment);
        command.Options.Add(dataset);
        command.Options.Add(staging);
        command.Options.Add(output);
        command.Options.Add(fullRefresh);
        command.Options.Add(configDirectory);
        command.SetAction(parse => Run(new LocalRunOptions
        {
            ConfigDirectory = Path.GetFullPath(parse.GetValue(configDirectory)!),
            Environment = parse.GetValue(environment)!,
            Datasets = parse.GetValue(dataset) ?? [],
            Staging = parse.GetValue(staging),
            Out = parse.GetValue(output),
            FullRefresh = parse.GetValue(fullRefresh),
        }));
        return command;
    }

    private static int Run(LocalRunOptions options)
    {
        IReadOnlyList<(Config.Model.DatasetPlan Plan, string Staging)> datasets;
        try
        {
            datasets = LocalPipeline.Resolve(options);
        }
        catch (ConfigException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (LocalRunException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160; // CI logs: Spectre would otherwise wrap every line at 80 columns
        }
        var progress = new TerminalProgress();
        var results = new List<DatasetRunResult>();
        var failed = new List<string>();
        foreach (var (plan, staging) in datasets)
        {
            progress.Step(plan.Dataset.Name, $"staging {staging}");
            try
            {
                results.Add(LocalPipeline.RunDataset(plan, staging, options, progress));
            }
            catch (LocalRunException e)
            {
                // The message ends with where the dataset's output stands, as the run found it.
                Console.Error.WriteLine($"error: dataset '{plan.Dataset.Name}' failed.{Environment.NewLine}{e.Message}");
                failed.Add(plan.Dataset.Name);
            }
        }
        if (results.Count > 0)
        {
            AnsiConsole.Write(Summary(results));
        }
        foreach (var result in results)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]{result.Dataset}[/]: report {Path.Combine(result.OutputFolder, "report.html")}");
        }
        return failed.Count == 0 ? 0 : 1;
    }

    private static Table Summary(IReadOnlyList<DatasetRunResult> results)
    {
        var table = new Table().AddColumns("dataset", "table", "read", "written", "rejected", "duplicates", "staging MB", "Parquet MB", "seconds");
        foreach (var run in results)
        {
            foreach (var t in run.Tables)
            {
                table.AddRow(run.Dataset, t.Table, Count(t.RowsRead), Count(t.RowsWritten), Count(t.RowsRejected), Count(t.DuplicatesDropped), Mb(t.StagingBytes), Mb(t.ParquetBytes), Secs(t.Elapsed));
            }
            foreach (var d in run.Derived)
            {
                table.AddRow(run.Dataset, d.Table + " (derived)", "", Count(d.Rows), "", "", "", Mb(d.ParquetBytes), Secs(d.Elapsed));
            }
            table.AddRow(run.Dataset, $"{run.Queries.Count} queries", "", "", "", "", "", "", Secs(TimeSpan.FromTicks(run.Queries.Sum(q => q.Elapsed.Ticks))));
            table.AddRow(run.Dataset, "total", "", "", "", "", "", "", Secs(run.Elapsed));
        }
        return table;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / 1e6).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Secs(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
}
