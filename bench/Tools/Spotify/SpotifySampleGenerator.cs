
using DataPipeline.Local.Sample;

namespace DataPipeline.Bench.Spotify;

/// <summary>
/// Writes staging files shaped like the public "Spotify Dataset 2023" (artists, albums, tracks, features), with
/// defects and duplicates in known numbers, so a local run can check its cleaning against <see cref="SampleManifest"/>.
/// Deterministic: the same rows and seed give byte-identical files. Rows are streamed, never held in memory.
/// </summary>
public static class SpotifySampleGenerator
{
    private const ulong ValuesSalt = 0x76616C73;

    /// <summary>Writes &lt;outputDirectory&gt;/&lt;table&gt;/&lt;table&gt;.csv for the four tables and returns what they contain.</summary>
    public static SampleManifest Write(string outputDirectory, SpotifySampleOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rows < 1)
        {
            throw new ArgumentException("Rows must be at least 1; ask for the number of tracks to generate.", nameof(options.Rows));
        }
        if (options.DefectRate is not (>= 0 and <= 1) || options.DuplicateRate is not (>= 0 and <= 1) || options.DefectRate + options.DuplicateRate > 1)
        {
            throw new ArgumentException("DefectRate and DuplicateRate must each be between 0 and 1 and add up to at most 1.", nameof(options));
        }

        var catalog = new SpotifyCatalog(options.Rows, options.Seed);
        SampleTable[] tables =
        [
            new ArtistsTable(catalog, StreamSeed(options.Seed, 0)),
            new AlbumsTable(catalog, StreamSeed(options.Seed, 1)),
            new TracksTable(catalog, StreamSeed(options.Seed, 2)),
            new FeaturesTable(catalog, StreamSeed(options.Seed, 3)),
        ];
        return new SampleManifest
        {
            Rows = options.Rows,
            Seed = options.Seed,
            DefectRate = options.DefectRate,
            DuplicateRate = options.DuplicateRate,
            Tables = tables.Select((table, number) => TableFileWriter.Write(outputDirectory, table, options, number)).ToList(),
        };
    }

    private static ulong StreamSeed(int seed, int tableNumber) => SeededRandom.For(seed, ValuesSalt, tableNumber).NextUInt64();
}
