using System.Text;
using DataPipeline.Compiler;

namespace DataPipeline.Bench.Spotify;

/// <summary>artists.csv: one row per artist of the catalog, popular ones with more followers and genres.</summary>
internal sealed class ArtistsTable(SpotifyCatalog catalog, ulong streamSeed)
    : SampleTable("artists", SpotifyColumns.Artists, keyColumn: "id", orderByColumn: "followers", catalog.ArtistCount)
{
    private const int GenreColumns = 7;
    private static readonly int[] GenreCountWeights = [20, 22, 20, 14, 10, 6, 4, 4];

    private readonly SeededRandom _random = new(streamSeed);
    private readonly StringBuilder _genres = new();
    private readonly int[] _picked = new int[GenreColumns];

    public override long OrderByMax => 150_000_000;

    public override IReadOnlyList<SampleDefect> Defects { get; } =
    [
        SampleDefect.Replace("artist_popularity", RejectReason.OutOfRange, "101", "-3"),
        SampleDefect.Replace("name", RejectReason.MissingRequired, "", "   "),
        SampleDefect.Replace("followers", RejectReason.BadType, "n/a", "12a", "1.5"),
        SampleDefect.Replace("artist_popularity", RejectReason.BadType, "12a", "n/a", "1.5"),
        SampleDefect.Replace("followers", RejectReason.OutOfRange, "-5"),
    ];

    public override void Fill(int row, string[] values)
    {
        var popularity = Popularity(_random, mean: 42);
        // Followers grow about tenfold every 14 popularity points: 50 → ~30 thousand, 90 → ~20 million.
        var followers = (long)Math.Clamp(Math.Pow(10, 1 + popularity * 0.07 + _random.Normal(0, 0.5)), 0, OrderByMax);
        var genreCount = WeightedCount();

        values[0] = catalog.ArtistId(row);
        values[1] = catalog.ArtistName(row);
        values[2] = ValueText.Integer(popularity);
        values[4] = ValueText.Integer(followers);
        _genres.Clear().Append('[');
        for (var genre = 0; genre < GenreColumns; genre++)
        {
            values[5 + genre] = genre < genreCount ? WordLists.Genres[PickDistinctGenre(genre)] : "";
            if (genre < genreCount)
            {
                _genres.Append(genre == 0 ? "'" : ", '").Append(values[5 + genre]).Append('\'');
            }
        }
        values[3] = _genres.Append(']').ToString();
    }

    private int WeightedCount()
    {
        var draw = _random.Next(100);
        for (var count = 0; count < GenreCountWeights.Length; count++)
        {
            draw -= GenreCountWeights[count];
            if (draw < 0)
            {
                return count;
            }
        }
        return 0;
    }

    private int PickDistinctGenre(int position)
    {
        while (true)
        {
            var genre = _random.Skewed(WordLists.Genres.Length, skew: 2.2);
            if (Array.IndexOf(_picked, genre, 0, position) < 0)
            {
                _picked[position] = genre;
                return genre;
            }
        }
    }
}
