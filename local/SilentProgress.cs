namespace DataPipeline.Local;

/// <summary>Progress that goes nowhere (tests, benchmarks).</summary>
public sealed class SilentProgress : IRunProgress
{
    public static SilentProgress Instance { get; } = new();

    public void Step(string dataset, string message)
    {
    }
}
