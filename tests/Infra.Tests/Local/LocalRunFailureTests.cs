using DataPipeline.Config;
using DataPipeline.Local;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

public sealed class LocalRunFailureTests : IDisposable
{
    private readonly TemporaryFolder _staging = new();
    private readonly TemporaryFolder _out = new();

    public LocalRunFailureTests() => LocalRunKit.Copy(LocalRunOnCommittedSample.StagingFolder, _staging.Path);

    private string TracksFile => Path.Combine(_staging.Path, "tracks", "tracks.csv");

    [Fact]
    public void A_header_mismatch_fails_the_run_naming_the_file_and_leaves_the_previous_output_untouched()
    {
        var previous = LocalRunKit.Run(_staging.Path, _out.Path);
        var before = LocalRunKit.Hashes(previous.OutputFolder);
        var lines = File.ReadAllLines(TracksFile);
        lines[0] = "id,popularity,explicit";
        File.WriteAllLines(TracksFile, lines);

        var error = Assert.Throws<LocalRunException>(() => LocalRunKit.Run(_staging.Path, _out.Path));

        Assert.Equal($"Table 'tracks' cannot be read:\n  {TracksFile}: the header has no column track_popularity (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: id,popularity,explicit\n{previous.OutputFolder} still holds the previous run's output.", error.Message);
        Assert.Equal(before, LocalRunKit.Hashes(previous.OutputFolder));
    }

    [Fact]
    public void A_failed_run_removes_its_temporary_folder()
    {
        File.WriteAllText(TracksFile, "id,popularity,explicit\n");

        Assert.Throws<LocalRunException>(() => LocalRunKit.Run(_staging.Path, _out.Path));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_out.Path));
    }

    [Fact]
    public void A_missing_staging_folder_is_named_in_the_error()
    {
        var missing = Path.Combine(_staging.Path, "nowhere");

        var error = Assert.Throws<LocalRunException>(() => LocalPipeline.Resolve(LocalRunKit.Options(missing, _out.Path)));

        Assert.StartsWith($"Staging folder {missing} for dataset 'spotify' does not exist;", error.Message);
    }

    [Fact]
    public void A_table_folder_without_files_gives_no_rows_and_a_warning_naming_the_folder()
    {
        File.Delete(TracksFile);

        var tracks = LocalRunKit.Run(_staging.Path, _out.Path).Tables.Single(t => t.Table == "tracks");

        Assert.Equal((0L, 0L), (tracks.RowsRead, tracks.RowsWritten));
        Assert.Equal([$"no staging files under {Path.Combine(_staging.Path, "tracks")}, so no rows were read"], tracks.Warnings);
    }

    [Fact]
    public void An_unknown_dataset_is_a_config_error_naming_the_datasets_of_the_environment()
    {
        var options = LocalRunKit.Options(_staging.Path, _out.Path) with { Datasets = ["podcasts"] };
        var datasets = ConfigLoader.Load(RepoRoot.Path).Environment("dev").Datasets.Select(d => d.Name);

        var error = Assert.Throws<ConfigException>(() => LocalPipeline.Resolve(options));

        Assert.Contains($"has no dataset 'podcasts'; use one of {string.Join(", ", datasets)}", error.Message);
    }

    [Fact]
    public void A_line_with_too_many_fields_is_quarantined_as_malformed_row()
    {
        File.AppendAllText(TracksFile, "4uLU6hMCjMI75M1A2tKUQC,50,False,extra\n");

        var result = LocalRunKit.Run(_staging.Path, _out.Path);

        var tracks = result.Tables.Single(t => t.Table == "tracks");
        Assert.Equal(1, tracks.RejectedByReason["malformed_row"]);
        var corrupt = LocalRunKit.Query($"SELECT _line FROM {LocalRunKit.Parquet(result.OutputFolder, "quarantine/tracks/")} WHERE _reject_reason = 'malformed_row'");
        Assert.Equal("4uLU6hMCjMI75M1A2tKUQC,50,False,extra", Assert.Single(corrupt)[0]);
    }

    public void Dispose()
    {
        _staging.Dispose();
        _out.Dispose();
    }
}
