namespace DataPipeline.Preview;

/// <summary>Everything <c>preview</c> found; <see cref="PreviewMarkdown"/> renders it for a pull request.</summary>
public sealed record PreviewReport
{
    public required string Environment { get; init; }

    /// <summary>The --base argument as given.</summary>
    public required string BaseRef { get; init; }

    /// <summary>The short hash of the commit compared with (where the working tree forked from the base).</summary>
    public required string BaseCommit { get; init; }

    /// <summary>The branch of the working tree, or its commit when detached.</summary>
    public required string Head { get; init; }

    public bool HeadHasUncommittedChanges { get; init; }

    /// <summary>The app files that differ; empty when the current app ran on the base's configuration instead of a build of the base.</summary>
    public required IReadOnlyList<string> BaseCodeChanges { get; init; }

    /// <summary>Where the staging files both runs read came from, as the user would name it.</summary>
    public required string Staging { get; init; }

    public IReadOnlyList<StackDiff> Stacks { get; init; } = [];
    public IReadOnlyList<DatasetDiff> Datasets { get; init; } = [];

    /// <summary>Replaced or removed buckets and keys, removed stacks that hold them, and removed tables, one sentence each.</summary>
    public IReadOnlyList<string> Destructive => DestructiveChanges.In(this);
}
