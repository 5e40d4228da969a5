using DataPipeline.Local.Sample;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>
/// samples/spotify is generated, never edited by hand. To refresh it after changing the generator, run the tests
/// once with DATAPIPE_UPDATE_SAMPLE=1.
/// </summary>
public sealed class CommittedSpotifySampleTests(GeneratedSample sample) : IClassFixture<GeneratedSample>
{
    private static readonly string SampleFolder = Path.Combine(RepoRoot.Path, "samples", "spotify");
    private static readonly string ManifestFile = Path.Combine(RepoRoot.Path, "samples", "spotify.manifest.json");

    [Theory]
    [InlineData("artists")]
    [InlineData("albums")]
    [InlineData("tracks")]
    [InlineData("features")]
    public void Committed_file_equals_a_fresh_generation_with_400_rows_and_seed_42(string table)
    {
        var fresh = File.ReadAllBytes(Path.Combine(sample.Path, table, table + ".csv"));
        var committed = Path.Combine(SampleFolder, table, table + ".csv");
        UpdateWhenAsked(committed, fresh);

        Assert.True(fresh.AsSpan().SequenceEqual(File.ReadAllBytes(committed)),
            $"{committed} is stale; run the tests once with DATAPIPE_UPDATE_SAMPLE=1 and commit the result.");
    }

    [Fact]
    public void Committed_manifest_beside_the_staging_folder_equals_the_manifest_of_a_fresh_generation()
    {
        var fresh = SpotifySampleGenerator.ManifestToJson(sample.Manifest);
        UpdateWhenAsked(ManifestFile, System.Text.Encoding.UTF8.GetBytes(fresh));

        Assert.Equal(fresh, File.ReadAllText(ManifestFile));
        Assert.False(File.Exists(Path.Combine(SampleFolder, "spotify.manifest.json")));
    }

    private static void UpdateWhenAsked(string path, byte[] content)
    {
        if (Environment.GetEnvironmentVariable("DATAPIPE_UPDATE_SAMPLE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
        }
    }
}
