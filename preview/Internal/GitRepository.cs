namespace DataPipeline.Preview;

/// <summary>The git repository holding the configuration, through the git command line.</summary>
internal sealed class GitRepository
{
    private GitRepository(string root) => Root = root;

    /// <summary>The top folder of the working tree.</summary>
    public string Root { get; }

    public static async Task<GitRepository> OpenAsync(string folder, CancellationToken cancellation)
    {
        try
        {
            var root = await ChildProcess.RunAsync("git", ["rev-parse", "--show-toplevel"], folder, cancellation);
            return new GitRepository(Path.GetFullPath(root.Trim()));
        }
        catch (PreviewException e)
        {
            throw new PreviewException($"{folder} is not inside a git working tree; preview compares two git revisions.", e);
        }
    }

    /// <summary>
    /// The commit the branch forked from <paramref name="baseRef"/>: what a pull request is compared with, so commits
    /// that landed on the base since are not shown as reverted. On a pull request's merge commit it is the base's tip.
    /// </summary>
    public async Task<string> ForkPointAsync(string baseRef, CancellationToken cancellation)
    {
        // A fresh clone or a CI checkout often has the base only as origin/<branch>.
        var commit = await CommitOfAsync(baseRef, cancellation) ?? await CommitOfAsync("origin/" + baseRef, cancellation)
            ?? throw new PreviewException($"--base {baseRef} is not a commit of {Root}; fetch it first (git fetch origin {baseRef}) or name another branch, tag or commit.");
        try
        {
            return (await Git(cancellation, "merge-base", commit, "HEAD")).Trim();
        }
        catch (PreviewException e)
        {
            throw new PreviewException($"--base {baseRef} has no common history with HEAD (a shallow clone? fetch with --unshallow or fetch-depth: 0).", e);
        }
    }

    public async Task<string> ShortNameAsync(string commit, CancellationToken cancellation) =>
        (await Git(cancellation, "rev-parse", "--short", commit)).Trim();

    /// <summary>The branch checked out, or the commit when detached (as on a pull request's merge commit).</summary>
    public async Task<string> HeadNameAsync(CancellationToken cancellation)
    {
        var branch = (await Git(cancellation, "rev-parse", "--abbrev-ref", "HEAD")).Trim();
        return branch == "HEAD" ? await ShortNameAsync("HEAD", cancellation) : branch;
    }

    public async Task<bool> HasUncommittedChangesAsync(CancellationToken cancellation) =>
        (await Git(cancellation, "status", "--porcelain", "--untracked-files=normal")).Trim().Length > 0;

    /// <summary>Files that differ between a commit and the working tree: tracked changes and untracked, not ignored files.</summary>
    public async Task<IReadOnlyList<string>> ChangedFilesSinceAsync(string commit, CancellationToken cancellation)
    {
        var tracked = await Git(cancellation, "diff", "--name-only", "--no-renames", "-z", commit, "--");
        var untracked = await Git(cancellation, "ls-files", "--others", "--exclude-standard", "-z");
        return (tracked + untracked).Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public Task AddDetachedWorktreeAsync(string folder, string commit, CancellationToken cancellation) =>
        Git(cancellation, "worktree", "add", "--detach", "--quiet", folder, commit);

    public async Task RemoveWorktreeAsync(string folder)
    {
        await Git(CancellationToken.None, "worktree", "remove", "--force", folder);
        await Git(CancellationToken.None, "worktree", "prune");
    }

    private async Task<string?> CommitOfAsync(string name, CancellationToken cancellation)
    {
        try
        {
            return (await Git(cancellation, "rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}")).Trim();
        }
        catch (PreviewException)
        {
            return null;
        }
    }

    private Task<string> Git(CancellationToken cancellation, params string[] arguments) =>
        ChildProcess.RunAsync("git", arguments, Root, cancellation);
}
