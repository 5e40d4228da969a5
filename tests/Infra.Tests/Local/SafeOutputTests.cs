using DataPipeline.Local;
using DataPipeline.Local.Engine;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>
/// &lt;out&gt;/&lt;dataset&gt; is replaced only by a complete run: never overlapping staging, one run at a time, and a run
/// killed at any step (a fault point makes the app's process exit there, as a kill would) leaves one complete output
/// that the next run puts in place before it removes every leftover.
/// </summary>
public sealed class SafeOutputTests : IDisposable
{
    private readonly TemporaryFolder _project = new();

    public SafeOutputTests()
    {
        Write("pipeline.yaml", """
            project: acme
            environments:
              - name: dev
            datasets:
              - name: sales
                tables:
                  - name: orders
                    key: [order_id]
                    columns:
                      - { name: order_id, type: string, required: true }
                      - { name: amount, type: double }

            """);
        Write("pipeline.dev.yaml", "account: \"123456789012\"\nregion: eu-west-1\ndatasets:\n  sales: {}\n");
        Write("samples/sales/orders/orders.csv", "order_id,amount\na,1\nb,2\n");
    }

    private string Out => Path.Combine(_project.Path, "out");

    private string Final => Path.Combine(Out, "sales");

    private LocalRunOptions Options(string? staging = null, string? output = null) =>
        new() { ConfigDirectory = _project.Path, Environment = "dev", Staging = staging, Out = output ?? Out };

    private DatasetRunResult Run(LocalRunOptions? options = null)
    {
        options ??= Options();
        var (plan, staging) = LocalPipeline.Resolve(options).Single();
        return LocalPipeline.RunDataset(plan, staging, options, SilentProgress.Instance);
    }

    private long OrdersIn(string folder) => Convert.ToInt64(LocalRunKit.Query($"SELECT COUNT(*) FROM {LocalRunKit.Parquet(folder, "data-warehouse/orders/")}").Single()[0]);

    private int RunKilledAt(string faultPoint) => LocalRunKit.RunKilledAt(faultPoint, "--config-dir", _project.Path, "--out", Out);

    private IEnumerable<string> Leftovers() => Directory.EnumerateFileSystemEntries(Out).Select(Path.GetFileName).OfType<string>().Where(n => n != "sales");

    /// <summary>The folders of &lt;out&gt; as "what orders": the output, a run's folder (marked complete or not) and a previous output.</summary>
    private List<string> State() => Directory.GetDirectories(Out).Select(d =>
    {
        var name = Path.GetFileName(d);
        var kind = name == "sales" ? "output" : name.Contains(".work-", StringComparison.Ordinal) ? (File.Exists(Path.Combine(d, ".complete")) ? "complete run" : "unfinished run") : "previous output";
        var orders = Directory.Exists(Path.Combine(d, "data-warehouse", "orders")) ? OrdersIn(d).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        return $"{kind} {orders}";
    }).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData(FaultPoint.TablesWritten, "output 2|unfinished run 3")]
    [InlineData(FaultPoint.Marked, "complete run 3|output 2")]
    [InlineData(FaultPoint.PreviousMovedAside, "complete run 3|previous output 2")]
    [InlineData(FaultPoint.NewInPlace, "output 3|previous output 2")]
    public void A_run_killed_at_any_step_leaves_a_complete_output_and_the_next_run_cleans_up(string faultPoint, string afterKill)
    {
        Run();
        Write("samples/sales/orders/more.csv", "order_id,amount\nc,3\n");

        Assert.Equal(FaultPoint.ExitCode, RunKilledAt(faultPoint));
        Assert.Equal(afterKill, string.Join("|", State()));

        Assert.Equal(3, OrdersIn(Run().OutputFolder));
        Assert.Equal(["output 3"], State());
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void The_next_run_puts_in_place_the_complete_output_of_a_run_killed_between_its_two_moves()
    {
        Run();
        Write("samples/sales/orders/more.csv", "order_id,amount\nc,3\n");
        RunKilledAt(FaultPoint.PreviousMovedAside);
        Assert.False(Directory.Exists(Final));

        using (var output = DatasetOutput.Open(Out, "sales"))
        {
            Assert.Equal(3, OrdersIn(Final));
            Assert.Equal([$"a run was killed while putting its output in place; its complete output is now {Final}"], output.Recovered.Take(1));
        }
    }

    [Fact]
    public void A_second_run_on_the_same_output_is_refused_while_the_first_holds_it()
    {
        using var first = DatasetOutput.Open(Out, "sales");

        var error = Assert.Throws<LocalRunException>(() => Run());

        Assert.Equal($"Another run is writing {Final} (it holds {Path.Combine(Out, ".sales.lock")}); wait for it to finish, or pass another --out.", error.Message);
    }

    [Fact]
    public void A_finished_run_leaves_nothing_but_its_output()
    {
        Run();

        Assert.Empty(Leftovers());
    }

    [Theory]
    [InlineData("samples/sales", "samples/sales", "is")]
    [InlineData("samples/sales", "samples", "contains")]
    [InlineData("samples/sales", "samples/sales/orders", "lies inside")]
    public void An_output_overlapping_the_staging_folder_is_refused(string staging, string output, string relation)
    {
        var stagingPath = Path.Combine(_project.Path, staging);
        var outPath = Path.Combine(_project.Path, output);

        var error = Assert.Throws<LocalRunException>(() => LocalPipeline.Resolve(Options(stagingPath, outPath)));

        Assert.Equal($"--out {outPath} {relation} the staging folder {stagingPath} of dataset 'sales'; a run replaces <out>/<dataset> and only reads staging, so keep them apart (the default --out is .pipeline/<env>).", error.Message);
    }

    [Fact]
    public void A_failed_run_says_that_the_previous_output_is_still_there()
    {
        Run();
        Write("samples/sales/orders/orders.csv", "id,amount\na,1\n");

        var error = Assert.Throws<LocalRunException>(() => Run());

        Assert.EndsWith($"{Final} still holds the previous run's output.", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, OrdersIn(Final));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_project.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => _project.Dispose();
}
