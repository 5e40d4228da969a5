namespace DataPipeline.Preview;

/// <summary>
/// The base revision checked out with <c>git worktree add --detach</c> into a temporary folder, so the user's
/// working tree is never touched; disposing removes the worktree, also after a failure.
/// </summary>
internal sealed class BaseCheckout : IAsyncDisposable
{
    private readonly GitRepository _repository;

    private BaseCheckout(GitRepository repository, string folder, string commit)
    {
        _repository = repository;
        Folder = folder;
        Commit = commit;
    }

    public string Folder { get; }

    public string Commit { get; }

    public static async Task<BaseCheckout> CreateAsync(GitRepository repository, string commit, string folder, CancellationToken cancellation)
    {
        await repository.AddDetachedWorktreeAsync(folder, commit, cancellation);
        return new BaseCheckout(repository, folder, commit);
    }

    /// <summary>The same folder of the base revision as <paramref name="headFolder"/> is of the working tree.</summary>
    public string Mirror(string headFolder) => Path.GetFullPath(Path.Combine(Folder, Path.GetRelativePath(_repository.Root, headFolder)));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _repository.RemoveWorktreeAsync(Folder);
        }
        catch (PreviewException e)
        {
            Console.Error.WriteLine($"warning: could not remove the temporary worktree {Folder}; remove it with 'git worktree remove --force {Folder}'.{Environment.NewLine}{e.Message}");
        }
    }
}
