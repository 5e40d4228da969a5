namespace DataPipeline.Local.Engine;

/// <summary>
/// Named points of a local run where a test may have the process die, as a kill would: with the environment variable
/// PIPELINE_FAULT_AT set to a point's name, the process exits there at once (no cleanup, no finally blocks of the run).
/// Unset, nothing happens. Used only by the tests of <see cref="DatasetOutput"/>.
/// </summary>
internal static class FaultPoint
{
    public const string Variable = "PIPELINE_FAULT_AT";
    public const int ExitCode = 137;

    /// <summary>Cleaned tables are written into the run's folder; nothing is committed yet.</summary>
    public const string TablesWritten = "run:tables-written";
    /// <summary>The run's folder is complete and marked so.</summary>
    public const string Marked = "commit:marked";
    /// <summary>The previous output was moved aside; the new one is not yet in place.</summary>
    public const string PreviousMovedAside = "commit:previous-moved-aside";
    /// <summary>The new output is in place; the previous one is not yet deleted.</summary>
    public const string NewInPlace = "commit:new-in-place";

    public static void Reach(string name)
    {
        if (Environment.GetEnvironmentVariable(Variable) == name)
        {
            Environment.Exit(ExitCode);
        }
    }
}
