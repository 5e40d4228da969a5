using DataPipeline.Preview;

namespace DataPipeline.Tests.Preview;

/// <summary>A git repository in a temporary folder that a test fills commit by commit.</summary>
public sealed class TestRepository : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("preview-repo-").FullName;

    public static async Task<TestRepository> CreateAsync()
    {
        var repository = new TestRepository();
        await repository.GitAsync("init", "--quiet", "--initial-branch=main");
        return repository;
    }

    public void Write(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (relative, text) in files)
        {
            var file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }
    }

    public async Task CommitAsync(string message)
    {
        await GitAsync("add", "--all");
        await GitAsync("-c", "user.name=Preview Test", "-c", "user.email=preview@example.com", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message);
    }

    public Task<string> GitAsync(params string[] arguments) => ChildProcess.RunAsync("git", arguments, Path, CancellationToken.None);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
