using DataPipeline.Compiler;
using DataPipeline.Tests.Compiler.Kit;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Compiler;

/// <summary>
/// The compiled SQL of the shipped spotify tables in both dialects, compared with Snapshots/&lt;table&gt;.&lt;dialect&gt;.sql.
/// After an intended change, refresh them with: UPDATE_SNAPSHOTS=1 dotnet test tests/Infra.Tests --filter FullyQualifiedName~SnapshotTests
/// </summary>
public class SnapshotTests
{
    private static readonly string SnapshotFolder = Path.Combine(RepoRoot.Path, "tests", "Infra.Tests", "Compiler", "Snapshots");

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var table in new[] { "artists", "albums", "tracks", "features" })
        {
            cases.Add(table, SqlDialect.Spark.Name);
            cases.Add(table, SqlDialect.DuckDb.Name);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiled_sql_matches_its_snapshot(string table, string dialectName)
    {
        var dialect = dialectName == SqlDialect.Spark.Name ? SqlDialect.Spark : SqlDialect.DuckDb;
        var plan = TransformCompiler.Compile(Spotify.Table(table), dialect);
        Snapshot.File(Path.Combine(SnapshotFolder, $"{table}.{dialect.Name}.sql"), Render(plan));
    }

    /// <summary>The plan JSON the Glue runner's Python tests (etl/tests) read, so both sides test the same contract.</summary>
    [Fact]
    public void Table_plan_json_matches_its_snapshot() =>
        Snapshot.File(Path.Combine(SnapshotFolder, "albums.spark.plan.json"), TransformCompiler.Compile(Spotify.Table("albums"), SqlDialect.Spark).ToJson() + "\n");

    [Fact]
    public void Derived_plan_json_matches_its_snapshot()
    {
        var derived = Spotify.Derived("track_details");
        var sql = File.ReadAllText(Path.Combine(RepoRoot.Path, derived.SqlFile));
        Snapshot.File(Path.Combine(SnapshotFolder, "track_details.spark.plan.json"), TransformCompiler.CompileDerived(derived, sql, SqlDialect.Spark).ToJson() + "\n");
    }

    private static string Render(TransformPlan plan) =>
        string.Concat(plan.Steps.Select(step => $"-- step: {step.Name}{(step.Materialize ? " (materialized)" : "")}\n{step.Sql};\n\n"));
}
