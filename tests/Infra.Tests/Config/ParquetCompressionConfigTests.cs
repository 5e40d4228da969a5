using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Config;

public sealed class ParquetCompressionConfigTests : IDisposable
{
    private readonly ConfigFiles _files = new();

    public void Dispose() => _files.Dispose();

    private void SetCodec(string codec) =>
        _files.Change("pipeline.yaml", "  - name: sales\n", $"  - name: sales\n    parquet_compression: {codec}\n");

    [Fact]
    public void Tables_are_snappy_when_the_dataset_names_no_codec()
    {
        var table = _files.Load().Pipeline.Datasets.Single().Tables.Single();
        Assert.Equal(ParquetCompression.Snappy, table.Compression);
    }

    [Theory]
    [InlineData("zstd", ParquetCompression.Zstd)]
    [InlineData("gzip", ParquetCompression.Gzip)]
    [InlineData("ZSTD", ParquetCompression.Zstd)]
    public void The_dataset_codec_applies_to_its_tables(string written, ParquetCompression expected)
    {
        SetCodec(written);
        Assert.Equal(expected, _files.Load().Pipeline.Datasets.Single().Tables.Single().Compression);
    }

    [Fact]
    public void An_unknown_codec_is_rejected_with_the_known_ones()
    {
        SetCodec("lzo");
        Assert.Equal(["pipeline.yaml line 8: 'datasets[sales].parquet_compression' must be one of snappy, zstd, gzip, not 'lzo'."], _files.Errors());
    }

    [Fact]
    public void The_shipped_spotify_dataset_writes_zstd_for_cleaned_and_derived_tables()
    {
        var spotify = ConfigLoader.Load(RepoRoot.Path).Pipeline.Datasets.Single(d => d.Name == "spotify");
        Assert.All(spotify.Tables, t => Assert.Equal(ParquetCompression.Zstd, t.Compression));
        Assert.NotEmpty(spotify.Derived);
        Assert.All(spotify.Derived, d => Assert.Equal(ParquetCompression.Zstd, d.Compression));
    }
}
