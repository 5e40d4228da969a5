namespace DataPipeline.Bench.Spotify;

/// <summary>
/// What several files must agree on, as pure functions of the seed and an index: track, album and artist ids,
/// artist names, labels and track durations. Each file draws everything else from its own random stream.
/// </summary>
internal sealed class SpotifyCatalog
{
    private const ulong TrackKind = 0x7472616B;
    private const ulong ArtistKind = 0x61727473;
    private const ulong AlbumKind = 0x616C626D;
    private const ulong ArtistNameKind = 0x6E616D65;
    private const ulong LabelKind = 0x6C61626C;
    private const ulong DurationKind = 0x6475726E;

    private readonly string[] _artistIds;
    private readonly string[] _artistNames;

    public SpotifyCatalog(int tracks, int seed)
    {
        Seed = seed;
        TrackCount = tracks;
        ArtistCount = Math.Max(1, (int)Math.Round(tracks / 8.0, MidpointRounding.AwayFromZero));
        LabelCount = Math.Max(8, ArtistCount / 5);
        _artistIds = new string[ArtistCount];
        _artistNames = new string[ArtistCount];
        for (var artist = 0; artist < ArtistCount; artist++)
        {
            _artistIds[artist] = SpotifyId.Create(seed, ArtistKind, artist);
            _artistNames[artist] = NewArtistName(SeededRandom.For(seed, ArtistNameKind, artist));
        }
    }

    public int Seed { get; }
    public int TrackCount { get; }
    public int ArtistCount { get; }
    public int LabelCount { get; }

    public string TrackId(int track) => SpotifyId.Create(Seed, TrackKind, track);
    public string AlbumId(int album) => SpotifyId.Create(Seed, AlbumKind, album);
    public string ArtistId(int artist) => _artistIds[artist];
    public string ArtistName(int artist) => _artistNames[artist];

    public string Label(int label)
    {
        var random = SeededRandom.For(Seed, LabelKind, label);
        var word = random.Pick(WordLists.LabelWords);
        var name = random.Chance(0.3) ? word + " " + random.Pick(WordLists.Nouns) : word;
        return name + " " + random.Pick(WordLists.LabelSuffixes);
    }

    /// <summary>Around 3.5 minutes, between 30 s and 10 min, the same in albums and features.</summary>
    public int DurationMs(int track)
    {
        var random = SeededRandom.For(Seed, DurationKind, track);
        var milliseconds = random.Chance(0.03) ? random.Between(360_000, 600_000) : random.Normal(205_000, 48_000);
        return (int)Math.Clamp(milliseconds, 30_000, 600_000);
    }

    private static string NewArtistName(SeededRandom random)
    {
        var shape = random.NextDouble();
        return shape switch
        {
            < 0.45 => random.Pick(WordLists.FirstNames) + " " + random.Pick(WordLists.LastNames),
            < 0.60 => random.Pick(WordLists.Adjectives) + " " + random.Pick(WordLists.Nouns),
            < 0.72 => "The " + random.Pick(WordLists.Adjectives) + " " + WordLists.Plural(random.Pick(WordLists.Nouns)),
            < 0.85 => random.Pick(WordLists.ArtistPrefixes) + " " + random.Pick(WordLists.Nouns),
            _ => random.Pick(WordLists.FirstNames).ToUpperInvariant(),
        };
    }
}
