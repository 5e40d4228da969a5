using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Local;
using DataPipeline.Local.Sample;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>
/// sample writes staging files for any dataset from its definition; cleaning them gives exactly what the manifest says.
/// Checked on a project of its own with every source format, encodings, folder columns, keys, regexes and placeholders.
/// </summary>
public sealed class SampleGeneratorTests : IDisposable
{
    private readonly RealWorldProject _project = new();

    private DatasetDefinition Football => ConfigLoader.Load(_project.Path).Pipeline.Dataset("football");

    private (SampleManifest Manifest, DatasetRunResult Result) GenerateAndRun(int rows, int seed)
    {
        var staging = Path.Combine(_project.Path, "generated", "football");
        var manifest = SampleGenerator.Write(Football, staging, new SampleOptions { Rows = rows, Seed = seed });
        var options = _project.Options with { Staging = staging };
        var (plan, folder) = LocalPipeline.Resolve(options).Single();
        return (manifest, LocalPipeline.RunDataset(plan, folder, options, SilentProgress.Instance));
    }

    [Fact]
    public void Cleaning_a_generated_sample_gives_the_counts_of_its_manifest_for_every_table()
    {
        var (manifest, result) = GenerateAndRun(rows: 600, seed: 7);

        foreach (var expected in manifest.Tables)
        {
            var table = result.Tables.Single(t => t.Table == expected.Name);
            Assert.Equal(
                $"{expected.Name}: read {expected.RowsWritten}, written {expected.GoodUniqueRows}, duplicates {expected.DuplicatesInjected}, rejected {string.Join(" ", expected.RejectsExpected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))}",
                $"{table.Table}: read {table.RowsRead}, written {table.RowsWritten}, duplicates {table.DuplicatesDropped}, rejected {string.Join(" ", table.RejectedByReason.Select(r => $"{r.Key}={r.Value}"))}");
        }
    }

    [Fact]
    public void Generated_rows_carry_defects_of_several_kinds_and_duplicates()
    {
        var (manifest, _) = GenerateAndRun(rows: 600, seed: 7);

        var matches = manifest.Table("matches");
        Assert.True(matches.RejectsExpected.Count >= 4, string.Join(", ", matches.RejectsExpected.Keys));
        Assert.True(matches.DuplicatesInjected > 0);
    }

    [Fact]
    public void Folder_columns_become_hive_folders()
    {
        var manifest = SampleGenerator.Write(Football, Path.Combine(_project.Path, "generated"), new SampleOptions { Rows = 50 });

        Assert.All(manifest.Table("matches").Files, f => Assert.Matches(@"^matches/league=[^/]+/season=\d+/matches\.csv$", f));
    }

    [Fact]
    public void Each_table_is_written_in_its_format_and_encoding()
    {
        var folder = Path.Combine(_project.Path, "generated");
        var manifest = SampleGenerator.Write(Football, folder, new SampleOptions { Rows = 20 });

        Assert.Equal("transfers/transfers.json", manifest.Table("transfers").Files.Single());
        Assert.StartsWith("[", File.ReadAllText(Path.Combine(folder, "transfers", "transfers.json")), StringComparison.Ordinal);
        Assert.Equal([0xFF, 0xFE], File.ReadAllBytes(Path.Combine(folder, "players", "players.csv"))[..2]);
        Assert.StartsWith("Stadt;Name;Kapazit", File.ReadAllText(Path.Combine(folder, "stadiums", "stadiums.csv"), System.Text.Encoding.Latin1), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_definition_rows_and_seed_give_the_same_files()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        SampleGenerator.Write(Football, first.Path, new SampleOptions { Rows = 100, Seed = 3 });
        SampleGenerator.Write(Football, second.Path, new SampleOptions { Rows = 100, Seed = 3 });

        Assert.Equal(LocalRunKit.Hashes(first.Path), LocalRunKit.Hashes(second.Path));
    }

    [Fact]
    public void A_regex_key_gets_values_of_the_regex()
    {
        var table = new TableDefinition
        {
            Name = "ids",
            Source = new SourceFormat(),
            Key = ["id"],
            Columns = [new ColumnDefinition { Name = "id", Type = new ColumnType(ColumnKind.String), Required = true, Rules = new ColumnRules { Regex = "^[0-9A-Za-z]{22}$" } }],
        };
        using var folder = new TemporaryFolder();

        SampleGenerator.Write(new DatasetDefinition { Name = "d", Tables = [table] }, folder.Path, new SampleOptions { Rows = 30, DefectRate = 0, DuplicateRate = 0 });

        var lines = File.ReadAllLines(Path.Combine(folder.Path, "ids", "ids.csv")).Skip(1).ToList();
        Assert.Equal(30, lines.Distinct().Count());
        Assert.All(lines, l => Assert.Matches("^[0-9A-Za-z]{22}$", l.Trim()));
    }

    public void Dispose() => _project.Dispose();
}
