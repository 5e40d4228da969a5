namespace DataPipeline.Local;

/// <summary>What one local run reads and where it writes.</summary>
public sealed record LocalRunOptions
{
    /// <summary>Folder holding pipeline.yaml and the environment files; relative defaults below resolve against it.</summary>
    public required string ConfigDirectory { get; init; }

    public required string Environment { get; init; }

    /// <summary>Datasets to run. Empty: every dataset of the environment.</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary>
    /// Folder holding &lt;table&gt;/*.csv|*.jsonl; "{dataset}" is replaced by the dataset name.
    /// Null: samples/{dataset} under the config folder.
    /// </summary>
    public string? Staging { get; init; }

    /// <summary>
    /// Rebuild every table from all readable staging files and reset its ledger, instead of merging only the files
    /// that are new since the last run. Default false.
    /// </summary>
    public bool FullRefresh { get; init; }

    /// <summary>Output root; each dataset lands in &lt;Out&gt;/&lt;dataset&gt;. Null: .pipeline/&lt;env&gt; under the config folder.</summary>
    public string? Out { get; init; }
}
