using DataPipeline.Compiler;

namespace DataPipeline.Bench.Spotify;

/// <summary>tracks.csv: one row per track of the catalog.</summary>
internal sealed class TracksTable(SpotifyCatalog catalog, ulong streamSeed)
    : SampleTable("tracks", SpotifyColumns.Tracks, keyColumn: "id", orderByColumn: "track_popularity", catalog.TrackCount)
{
    private readonly SeededRandom _random = new(streamSeed);

    public override IReadOnlyList<SampleDefect> Defects { get; } =
    [
        SampleDefect.Replace("track_popularity", RejectReason.OutOfRange, "101", "-3"),
        SampleDefect.Replace("track_popularity", RejectReason.BadType, "12a", "n/a", "1.5"),
        SampleDefect.Replace("track_popularity", RejectReason.MissingRequired, ""),
        SampleDefect.Replace("id", RejectReason.MissingRequired, "", "   "),
        SampleDefect.Replace("track_popularity", RejectReason.OutOfRange, "101", "-3"),
        SampleDefect.Replace("track_popularity", RejectReason.BadType, "12a", "n/a", "1.5"),
        new SampleDefect("id", RejectReason.PatternMismatch, (id, random) => random.Chance(0.5) ? id[..^1] : id[..10] + "-" + id[11..]),
    ];

    public override void Fill(int row, string[] values)
    {
        values[0] = catalog.TrackId(row);
        values[1] = ValueText.Integer(Popularity(_random, mean: 38));
        values[2] = ValueText.Boolean(_random.Chance(0.27));
    }
}
