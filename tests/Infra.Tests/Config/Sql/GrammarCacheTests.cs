using DataPipeline.Config.Checks.Grammar;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Config.Sql;

/// <summary>The grammar's answers are kept under node_modules/.cache, so unchanged SQL loads without starting Node.js.</summary>
public sealed class GrammarCacheTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    /// <summary>A node_modules of the test's own: the repository's parser linked in, an empty cache.</summary>
    private readonly string _modules;

    public GrammarCacheTests()
    {
        _modules = Path.Combine(_folder.Path, "node_modules");
        Directory.CreateDirectory(_modules);
        Directory.CreateSymbolicLink(Path.Combine(_modules, NodeModules.Package), Path.Combine(RepoRoot.Path, "node_modules", NodeModules.Package));
    }

    public void Dispose() => _folder.Dispose();

    private string CacheFolder => Path.Combine(_modules, ".cache", "datapipe-sql-grammar");

    private IReadOnlyList<ParsedStatement> Parse(string sql) => GrammarProcess.Parse([(SqlDialectName.Spark, sql)], _modules);

    [Fact]
    public void A_second_load_of_the_same_sql_takes_the_kept_answer()
    {
        Parse("SELEC 1");
        var broken = Directory.GetFiles(CacheFolder).Single();
        Assert.Empty(Parse("SELECT 1").Single().Errors);
        var valid = Directory.GetFiles(CacheFolder).Single(f => f != broken);
        File.Copy(broken, valid, overwrite: true);

        Assert.NotEmpty(Parse("SELECT 1").Single().Errors);
    }

    [Fact]
    public void A_damaged_cache_file_is_parsed_again()
    {
        Parse("SELECT 1");
        File.WriteAllText(Directory.GetFiles(CacheFolder).Single(), "{ not json");

        Assert.Empty(Parse("SELECT 1").Single().Errors);
    }
}
