using DataPipeline.Compiler;

namespace DataPipeline.Bench.Spotify;

/// <summary>features.csv: the audio features of every track, as the Spotify API returns them.</summary>
internal sealed class FeaturesTable(SpotifyCatalog catalog, ulong streamSeed)
    : SampleTable("features", SpotifyColumns.Features, keyColumn: "id", orderByColumn: null, catalog.TrackCount)
{
    private readonly SeededRandom _random = new(streamSeed);

    public override IReadOnlyList<SampleDefect> Defects { get; } =
    [
        SampleDefect.Replace("key", RejectReason.BadType, "n/a", "1.5", "12a"),
        SampleDefect.Replace("danceability", RejectReason.OutOfRange, "1.2", "-0.1"),
        SampleDefect.Replace("tempo", RejectReason.BadType, "n/a", "12a"),
        SampleDefect.Replace("mode", RejectReason.NotAllowed, "2"),
        SampleDefect.Replace("id", RejectReason.MissingRequired, "", "   "),
        SampleDefect.Replace("key", RejectReason.BadType, "n/a", "1.5", "12a"),
        SampleDefect.Replace("danceability", RejectReason.OutOfRange, "1.2", "-0.1"),
    ];

    public override void Fill(int row, string[] values)
    {
        var id = catalog.TrackId(row);
        values[0] = ValueText.ThreeSignificant(Math.Clamp(_random.Normal(0.62, 0.16), 0.06, 0.98));
        values[1] = ValueText.ThreeSignificant(Math.Clamp(_random.Normal(0.64, 0.2), 0.01, 1.0));
        values[2] = ValueText.Integer(_random.Chance(0.01) ? -1 : _random.Next(12));
        values[3] = ValueText.ThreeDecimals(Math.Clamp(_random.Normal(-7.5, 3.6), -45, -0.05));
        values[4] = _random.Chance(0.62) ? "1" : "0";
        values[5] = ValueText.ThreeSignificant(Math.Min(0.95, 0.023 + Exponential(0.06)));
        values[6] = ValueText.ThreeSignificant(Math.Pow(_random.NextDouble(), 2.6));
        values[7] = ValueText.ThreeSignificant(Instrumentalness());
        values[8] = ValueText.ThreeSignificant(Math.Min(0.98, 0.03 + Exponential(0.15)));
        values[9] = ValueText.ThreeSignificant(Math.Clamp(_random.Normal(0.5, 0.23), 0.02, 0.98));
        values[10] = ValueText.ThreeDecimals(Math.Clamp(_random.Normal(121, 28), 50, 220));
        values[11] = "audio_features";
        values[12] = id;
        values[13] = "spotify:track:" + id;
        values[14] = "https://api.spotify.com/v1/tracks/" + id;
        values[15] = "https://api.spotify.com/v1/audio-analysis/" + id;
        values[16] = ValueText.Integer(catalog.DurationMs(row));
        values[17] = TimeSignature();
    }

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    /// <summary>Mostly none or a trace, sometimes an instrumental track.</summary>
    private double Instrumentalness() => _random.NextDouble() switch
    {
        < 0.45 => 0,
        < 0.82 => Math.Pow(10, -6 + 3 * _random.NextDouble()),
        _ => 0.01 + 0.94 * _random.NextDouble(),
    };

    private string TimeSignature() => _random.NextDouble() switch
    {
        < 0.90 => "4",
        < 0.97 => "3",
        _ => "5",
    };
}
