namespace DataPipeline.Compiler;

/// <summary>How an executor writes a <see cref="PlanOutput"/> into its folder.</summary>
public enum OutputMode
{
    /// <summary>The folder is emptied, then the rows written (derived tables, rebuilt each run from the warehouse).</summary>
    Replace,
    /// <summary>The rows are added as new files; nothing already there changes (a cleaned table without a key).</summary>
    Append,
    /// <summary>
    /// Upsert by key: the files named by <see cref="PlanOutput.RemovedFiles"/> (they hold rows that newer versions
    /// replace) are written again without those rows (<see cref="PlanOutput.Kept"/>), the view's rows are added as
    /// new files, then the removed files are deleted. Only files holding replaced keys are rewritten.
    /// </summary>
    Merge,
    /// <summary>The rows go to a folder of this run's own, run_id=&lt;run&gt;/ (quarantine and metrics keep every run).</summary>
    AppendRun,
}
