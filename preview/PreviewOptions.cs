namespace DataPipeline.Preview;

/// <summary>What <c>preview</c> compares: the working tree against a base revision, for one environment.</summary>
public sealed record PreviewOptions
{
    /// <summary>The branch, tag or commit to compare with; the preview uses the commit the working tree forked from it.</summary>
    public required string Base { get; init; }

    /// <summary>Folder holding pipeline.yaml and the environment files, inside a git working tree.</summary>
    public required string ConfigDirectory { get; init; }

    public string Environment { get; init; } = "dev";

    /// <summary>
    /// Folder holding &lt;table&gt;/*.csv|*.jsonl that both revisions run on; "{dataset}" is replaced by the dataset name.
    /// Null: each dataset's committed sample, samples/&lt;dataset&gt; of the working tree (of the base if only it has one).
    /// </summary>
    public string? Staging { get; init; }

    /// <summary>The app's project file, relative to the repository root; built from the base when the base's app differs.</summary>
    public string Project { get; init; } = "Infra.csproj";
}
