namespace DataPipeline.Preview;

/// <summary>
/// What a change does before it is merged: both revisions synthesized and diffed offline with the CDK's diff, and
/// both run locally on the same staging files and compared table by table and query by query.
/// </summary>
public static class PullRequestPreview
{
    public static async Task<PreviewReport> RunAsync(PreviewOptions options, Action<string> progress, CancellationToken cancellation)
    {
        var headConfig = Path.GetFullPath(options.ConfigDirectory);
        var repository = await GitRepository.OpenAsync(headConfig, cancellation);
        var baseCommit = await repository.ForkPointAsync(options.Base, cancellation);
        var baseName = await repository.ShortNameAsync(baseCommit, cancellation);
        var head = await repository.HeadNameAsync(cancellation);
        var uncommitted = await repository.HasUncommittedChangesAsync(cancellation);
        var codeChanges = CodeChanges.In(await repository.ChangedFilesSinceAsync(baseCommit, cancellation));
        var headProject = Path.Combine(repository.Root, options.Project);

        var work = Directory.CreateTempSubdirectory("pipeline-preview-").FullName;
        try
        {
            await using var checkout = await BaseCheckout.CreateAsync(repository, baseCommit, Path.Combine(work, "base-worktree"), cancellation);
            var baseConfig = checkout.Mirror(headConfig);
            var (staging, stagingText) = options.Staging is { } chosen
                ? (Path.GetFullPath(chosen), $"`{chosen}`")
                : (CommittedSamples(Path.Combine(work, "staging"), headConfig, baseConfig), "each dataset's committed sample, `samples/<dataset>` of the working tree");
            // Both revisions at once; the first failure stops the other.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var cdkJsonFolder = Path.GetDirectoryName(headProject)!;
            var basePipeline = StopOthersOnFailure(stop, async () =>
            {
                var app = PipelineAppBuild.Current;
                if (codeChanges.Count == 0)
                {
                    progress($"base {baseName}: no app code differs; the current app runs the base's configuration");
                }
                else
                {
                    progress($"base {baseName}: building its own app ({codeChanges.Count} app files differ)");
                    app = await PipelineAppBuild.BuildAsync(checkout.Mirror(headProject), Path.Combine(work, "base-app"), stop.Token);
                }
                await RunAndSynthesizeAsync(app, "base " + baseName, baseConfig, checkout.Mirror(cdkJsonFolder), options.Environment, staging,
                    Path.Combine(work, "base"), progress, stop.Token);
            });
            var headPipeline = StopOthersOnFailure(stop, () => RunAndSynthesizeAsync(PipelineAppBuild.Current, "head", headConfig, cdkJsonFolder,
                options.Environment, staging, Path.Combine(work, "head"), progress, stop.Token));
            await FirstFailureAsync(basePipeline, headPipeline);

            progress("diffing the templates and the local runs");
            var stacks = await TemplateDiffer.DiffAsync(Path.Combine(work, "base", "cdk.out"), Path.Combine(work, "head", "cdk.out"),
                Path.Combine(repository.Root, "node_modules"), work, cancellation);
            var datasets = DatasetComparer.Compare(Path.Combine(work, "base", "out"), Path.Combine(work, "head", "out"), baseConfig, headConfig);
            return new PreviewReport
            {
                Environment = options.Environment,
                BaseRef = options.Base,
                BaseCommit = baseName,
                Head = head,
                HeadHasUncommittedChanges = uncommitted,
                BaseCodeChanges = codeChanges,
                Staging = stagingText,
                Stacks = stacks,
                Datasets = datasets,
            };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs one revision locally, then synthesizes it: the run takes seconds, so a broken revision fails fast.</summary>
    private static async Task RunAndSynthesizeAsync(
        PipelineAppBuild app, string revision, string configDirectory, string cdkJsonFolder, string environment, string staging,
        string outFolder, Action<string> progress, CancellationToken cancellation)
    {
        try
        {
            progress($"{revision}: run --env {environment}");
            await app.RunAsync(configDirectory, environment, staging, Path.Combine(outFolder, "out"), cancellation);
            progress($"{revision}: synth --env {environment}");
            await app.SynthAsync(configDirectory, cdkJsonFolder, environment, Path.Combine(outFolder, "cdk.out"), cancellation);
        }
        catch (PreviewException e)
        {
            throw new PreviewException($"{revision}: {e.Message}", e);
        }
    }

    private static async Task StopOthersOnFailure(CancellationTokenSource stop, Func<Task> work)
    {
        try
        {
            await Task.Run(work);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    /// <summary>Waits for all; rethrows the failure that stopped the others rather than their cancellation.</summary>
    private static async Task FirstFailureAsync(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception) when (tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// One staging folder per dataset that either revision has a sample for: the working tree's samples/&lt;dataset&gt;,
    /// or the base's when only the base has one (a dataset the change removes). Links, so nothing is copied.
    /// </summary>
    private static string CommittedSamples(string folder, string headConfig, string baseConfig)
    {
        Directory.CreateDirectory(folder);
        foreach (var samples in new[] { Path.Combine(headConfig, "samples"), Path.Combine(baseConfig, "samples") }.Where(Directory.Exists))
        {
            foreach (var dataset in Directory.EnumerateDirectories(samples))
            {
                var link = Path.Combine(folder, Path.GetFileName(dataset));
                if (!Path.Exists(link))
                {
                    Directory.CreateSymbolicLink(link, dataset);
                }
            }
        }
        return Path.Combine(folder, "{dataset}");
    }
}
