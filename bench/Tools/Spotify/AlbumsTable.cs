using System.Text;
using DataPipeline.Compiler;

namespace DataPipeline.Bench.Spotify;

/// <summary>
/// albums.csv: one row per album track. Consecutive tracks of the catalog form albums of 1 to 20 tracks by one
/// main artist (artist_id), sometimes with featured artists on a track.
/// </summary>
internal sealed class AlbumsTable(SpotifyCatalog catalog, ulong streamSeed)
    : SampleTable("albums", SpotifyColumns.Albums, keyColumn: "track_id", orderByColumn: "album_popularity", catalog.TrackCount)
{
    private const int ArtistColumns = 12;
    private const int FirstArtistColumn = 13;

    private readonly SeededRandom _random = new(streamSeed);
    private readonly StringBuilder _artists = new();
    private readonly int[] _trackArtists = new int[ArtistColumns];
    private Album _album = new();
    private int _albumsStarted;

    public override IReadOnlyList<SampleDefect> Defects { get; } =
    [
        SampleDefect.Replace("release_date", RejectReason.BadType, "2023-13-45", "2021-02-30", "not a date"),
        SampleDefect.Replace("album_popularity", RejectReason.OutOfRange, "101", "-3"),
        SampleDefect.Replace("album_id", RejectReason.MissingRequired, "   ", ""),
        SampleDefect.Replace("track_number", RejectReason.BadType, "1.5", "12a"),
        SampleDefect.Replace("release_date", RejectReason.MissingRequired, ""),
        SampleDefect.Replace("album_popularity", RejectReason.BadType, "n/a", "12a"),
        SampleDefect.Replace("album_type", RejectReason.NotAllowed, "ep", "Mixtape"),
        SampleDefect.Replace("release_date", RejectReason.BadType, "2023-13-45", "2021-02-30", "not a date"),
        SampleDefect.Replace("artist_id", RejectReason.MissingRequired, "   "),
        SampleDefect.Replace("duration_ms", RejectReason.BadType, "n/a", "1.5"),
    ];

    public override void Fill(int row, string[] values)
    {
        if (_album.TracksWritten == _album.TotalTracks)
        {
            _album = NewAlbum(tracksLeft: RowCount - row);
        }
        var trackNumber = ++_album.TracksWritten;
        var artistCount = TrackArtists();
        var durationMs = catalog.DurationMs(row);

        values[0] = _album.TotalTracks == 1 ? _album.Name : TrackName(artistCount);
        values[1] = catalog.TrackId(row);
        values[2] = ValueText.Integer(trackNumber);
        values[3] = ValueText.Integer(durationMs);
        values[4] = _album.Type;
        values[6] = _album.TotalTracksText;
        values[7] = _album.Name;
        values[8] = _album.ReleaseDate;
        values[9] = _album.Label;
        values[10] = _album.Popularity;
        values[11] = _album.Id;
        values[12] = catalog.ArtistId(_album.MainArtist);
        _artists.Clear().Append('[');
        for (var position = 0; position < ArtistColumns; position++)
        {
            var name = position < artistCount ? catalog.ArtistName(_trackArtists[position]) : "";
            values[FirstArtistColumn + position] = name;
            if (position < artistCount)
            {
                _artists.Append(position == 0 ? "'" : ", '").Append(name).Append('\'');
            }
        }
        values[5] = _artists.Append(']').ToString();
        values[25] = ValueText.Seconds(durationMs);
    }

    private Album NewAlbum(int tracksLeft)
    {
        var shape = _random.NextDouble();
        var (type, size) = shape switch
        {
            < 0.40 => ("single", _random.Chance(0.7) ? 1 : _random.Between(2, 3)),
            < 0.92 => ("album", Math.Clamp((int)Math.Round(_random.Normal(12, 3.5)), 5, 20)),
            _ => ("compilation", _random.Between(10, 20)),
        };
        size = Math.Min(size, tracksLeft);
        var mainArtist = _random.Skewed(catalog.ArtistCount, skew: 1.4);
        return new Album
        {
            Id = catalog.AlbumId(_albumsStarted++),
            Type = type,
            TotalTracks = size,
            TotalTracksText = ValueText.Integer(size),
            MainArtist = mainArtist,
            Name = type == "compilation" ? CompilationName(mainArtist) : AlbumName(),
            ReleaseDate = ReleaseDate(),
            Label = _random.Chance(0.02) ? "" : catalog.Label(_random.Skewed(catalog.LabelCount, skew: 2.5)),
            Popularity = ValueText.Integer(Popularity(_random, mean: 40)),
        };
    }

    /// <summary>The main artist first, then 0 to 11 featured artists (most tracks have none).</summary>
    private int TrackArtists()
    {
        _trackArtists[0] = _album.MainArtist;
        var featured = _random.NextDouble() switch
        {
            < 0.72 => 0,
            < 0.90 => 1,
            < 0.97 => 2,
            < 0.995 => _random.Between(3, 5),
            _ => _random.Between(6, ArtistColumns - 1),
        };
        var count = Math.Min(1 + featured, catalog.ArtistCount);
        for (var position = 1; position < count; position++)
        {
            int artist;
            do
            {
                artist = _random.Next(catalog.ArtistCount);
            }
            while (Array.IndexOf(_trackArtists, artist, 0, position) >= 0);
            _trackArtists[position] = artist;
        }
        return count;
    }

    private string TrackName(int artistCount)
    {
        var name = _random.NextDouble() switch
        {
            < 0.30 => _random.Pick(WordLists.Adjectives) + " " + _random.Pick(WordLists.Nouns),
            < 0.50 => _random.Pick(WordLists.Nouns),
            < 0.70 => _random.Pick(WordLists.Verbs) + " " + _random.Pick(WordLists.Prepositions) + " " + _random.Pick(WordLists.Nouns),
            < 0.85 => _random.Pick(WordLists.Nouns) + " " + _random.Pick(WordLists.Nouns),
            < 0.97 => _random.Pick(WordLists.Verbs) + " " + _random.Pick(WordLists.Adjectives),
            // A comma or quotes, as real titles have, so readers must honour CSV quoting.
            < 0.99 => _random.Pick(WordLists.Nouns) + ", " + _random.Pick(WordLists.Adjectives) + " " + _random.Pick(WordLists.Nouns),
            _ => "\"" + _random.Pick(WordLists.Nouns) + "\" " + _random.Pick(WordLists.Verbs),
        };
        if (artistCount > 1 && _random.Chance(0.5))
        {
            return name + string.Format(null, _random.Chance(0.7) ? " (feat. {0})" : " (with {0})", catalog.ArtistName(_trackArtists[1]));
        }
        return _random.Chance(0.08) ? name + _random.Pick(WordLists.TrackSuffixes) : name;
    }

    private string AlbumName()
    {
        var name = _random.NextDouble() switch
        {
            < 0.35 => _random.Pick(WordLists.Adjectives) + " " + _random.Pick(WordLists.Nouns),
            < 0.60 => _random.Pick(WordLists.Nouns),
            < 0.80 => "The " + _random.Pick(WordLists.Nouns) + " " + _random.Pick(WordLists.Nouns),
            _ => _random.Pick(WordLists.Adjectives) + " " + WordLists.Plural(_random.Pick(WordLists.Nouns)),
        };
        return _random.Chance(0.06) ? name + _random.Pick(WordLists.AlbumSuffixes) : name;
    }

    private string CompilationName(int mainArtist) => _random.NextDouble() switch
    {
        < 0.4 => "Greatest Hits",
        < 0.7 => "The Best of " + catalog.ArtistName(mainArtist),
        _ => _random.Pick(WordLists.Nouns) + " Hits " + ValueText.Integer(_random.Between(1990, 2023)),
    };

    /// <summary>1960 to 2023, most of them recent.</summary>
    private string ReleaseDate()
    {
        var year = 2023 - (int)(Math.Pow(_random.NextDouble(), 2.2) * 64);
        var month = _random.Between(1, 12);
        return ValueText.Date(year, month, _random.Between(1, DateTime.DaysInMonth(year, month)));
    }

    private sealed class Album
    {
        public string Id { get; init; } = "";
        public string Type { get; init; } = "";
        public int TotalTracks { get; init; }
        public string TotalTracksText { get; init; } = "";
        public int MainArtist { get; init; }
        public string Name { get; init; } = "";
        public string ReleaseDate { get; init; } = "";
        public string Label { get; init; } = "";
        public string Popularity { get; init; } = "";
        public int TracksWritten { get; set; }
    }
}
