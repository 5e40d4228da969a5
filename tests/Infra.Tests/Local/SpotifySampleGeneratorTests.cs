using System.Globalization;
using System.Text.RegularExpressions;
using DataPipeline.Local.Sample;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

public sealed class SpotifySampleGeneratorTests(GeneratedSample sample) : IClassFixture<GeneratedSample>
{
    private static readonly string[] Tables = ["artists", "albums", "tracks", "features"];
    private static readonly Regex SpotifyId = new("^[0-9A-Za-z]{22}$");

    [Fact]
    public void Same_rows_and_seed_give_byte_identical_files()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        SpotifySampleGenerator.Write(first.Path, new SampleOptions { Rows = 300, Seed = 7 });
        SpotifySampleGenerator.Write(second.Path, new SampleOptions { Rows = 300, Seed = 7 });

        foreach (var table in Tables)
        {
            Assert.Equal(File.ReadAllBytes(CsvPath(first.Path, table)), File.ReadAllBytes(CsvPath(second.Path, table)));
        }
    }

    [Fact]
    public void A_different_seed_gives_different_files()
    {
        using var other = new TemporaryFolder();
        SpotifySampleGenerator.Write(other.Path, new SampleOptions { Rows = 400, Seed = 43 });

        foreach (var table in Tables)
        {
            Assert.NotEqual(File.ReadAllBytes(CsvPath(sample.Path, table)), File.ReadAllBytes(CsvPath(other.Path, table)));
        }
    }

    [Theory]
    [InlineData("artists", "id,name,artist_popularity,artist_genres,followers,genre_0,genre_1,genre_2,genre_3,genre_4,genre_5,genre_6")]
    [InlineData("albums", "track_name,track_id,track_number,duration_ms,album_type,artists,total_tracks,album_name,release_date,label,album_popularity,album_id,artist_id,artist_0,artist_1,artist_2,artist_3,artist_4,artist_5,artist_6,artist_7,artist_8,artist_9,artist_10,artist_11,duration_sec")]
    [InlineData("tracks", "id,track_popularity,explicit")]
    [InlineData("features", "danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,type,id,uri,track_href,analysis_url,duration_ms,time_signature")]
    public void Header_line_is_the_exact_column_list_of_the_table(string table, string header)
    {
        Assert.Equal(header, File.ReadLines(CsvPath(sample.Path, table)).First());
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Rows_written_and_bytes_in_the_manifest_match_the_file(string table)
    {
        var expected = sample.Manifest.Table(table);

        Assert.Equal(expected.RowsWritten, sample.Read(table).Rows.Count);
        Assert.Equal(expected.Bytes, new FileInfo(CsvPath(sample.Path, table)).Length);
        Assert.Equal(table + "/" + table + ".csv", expected.File);
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Rejects_expected_by_reason_are_what_the_pipeline_rules_reject_in_the_file(string table)
    {
        var csv = sample.Read(table);
        var rules = PipelineRules.For(table, csv.Header);

        var rejected = csv.Rows
            .SelectMany(rules.Violations)
            .GroupBy(reason => reason)
            .ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(sample.Manifest.Table(table).RejectsExpected.OrderBy(r => r.Key, StringComparer.Ordinal),
            rejected.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void No_row_breaks_more_than_one_rule(string table)
    {
        var csv = sample.Read(table);
        var rules = PipelineRules.For(table, csv.Header);

        Assert.All(csv.Rows, row => Assert.True(rules.Violations(row).Count <= 1, string.Join(",", row)));
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Every_table_has_defects_and_duplicates_at_the_requested_rates(string table)
    {
        var expected = sample.Manifest.Table(table);
        var originals = expected.RowsWritten - expected.DuplicatesInjected;

        Assert.Equal(Math.Round(originals * 0.03, MidpointRounding.AwayFromZero), expected.RejectsExpected.Values.Sum());
        Assert.Equal(Math.Round(originals * 0.02, MidpointRounding.AwayFromZero), expected.DuplicatesInjected);
        Assert.NotEmpty(expected.RejectsExpected);
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Rows_beyond_the_first_of_their_key_are_the_duplicates_injected(string table)
    {
        var keys = Keys(table, sample.Read(table)).Where(key => SpotifyId.IsMatch(key)).ToList();

        Assert.Equal(sample.Manifest.Table(table).DuplicatesInjected, keys.Count - keys.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Good_unique_rows_are_the_distinct_keys_of_rows_the_rules_accept(string table)
    {
        var csv = sample.Read(table);
        var rules = PipelineRules.For(table, csv.Header);
        var key = csv.Column(rules.Table.Key.Single());

        var goodKeys = csv.Rows.Where(row => rules.Violations(row).Count == 0).Select(row => row[key].Trim());

        Assert.Equal(sample.Manifest.Table(table).GoodUniqueRows, goodKeys.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Copies_that_outrank_their_original_by_order_by_are_the_duplicates_won_by_copy(string table)
    {
        var csv = sample.Read(table);
        var rules = PipelineRules.For(table, csv.Header);
        var key = csv.Column(rules.Table.Key.Single());
        var winners = 0;
        if (rules.Table.OrderBy.SingleOrDefault() is { } orderBy)
        {
            Assert.True(orderBy.Descending);
            var column = csv.Column(orderBy.Column);
            var firstSeen = new Dictionary<string, long>();
            foreach (var row in csv.Rows.Where(row => rules.Violations(row).Count == 0))
            {
                var value = long.Parse(row[column], CultureInfo.InvariantCulture);
                if (!firstSeen.TryAdd(row[key], value) && value > firstSeen[row[key]])
                {
                    winners++;
                }
            }
        }

        Assert.Equal(sample.Manifest.Table(table).DuplicatesWonByCopy, winners);
    }

    [Fact]
    public void Every_artist_id_in_albums_exists_in_artists()
    {
        var artistIds = sample.Read("artists").Values("id").ToHashSet();
        var albums = sample.Read("albums");

        var used = albums.Values("artist_id").Where(id => id.Trim().Length > 0).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, id => Assert.Contains(id, artistIds));
    }

    [Fact]
    public void Almost_every_good_track_joins_to_its_features_album_row_and_artist()
    {
        var tracks = GoodRows("tracks");
        var features = GoodRows("features").Select(row => row["id"]).ToHashSet();
        var albums = GoodRows("albums").DistinctBy(row => row["track_id"]).ToDictionary(row => row["track_id"], row => row["artist_id"]);
        var artists = GoodRows("artists").Select(row => row["id"]).ToHashSet();

        var joined = tracks.Count(row => features.Contains(row["id"])
            && albums.TryGetValue(row["id"], out var artist) && artists.Contains(artist));

        Assert.InRange(joined, tracks.Count * 0.85, tracks.Count);
    }

    [Fact]
    public void Good_rows_have_values_in_the_ranges_of_the_public_dataset()
    {
        Assert.All(GoodRows("artists"), artist =>
        {
            Assert.InRange(int.Parse(artist["artist_popularity"], CultureInfo.InvariantCulture), 0, 100);
            Assert.InRange(long.Parse(artist["followers"], CultureInfo.InvariantCulture), 0, 150_000_000);
            var genres = Enumerable.Range(0, 7).Select(n => artist["genre_" + n]).ToList();
            var filled = genres.TakeWhile(g => g.Length > 0).ToList();
            Assert.All(genres.Skip(filled.Count), g => Assert.Equal("", g));
            Assert.Equal("[" + string.Join(", ", filled.Select(g => "'" + g + "'")) + "]", artist["artist_genres"]);
            Assert.All(filled, g => Assert.Equal(g.ToLowerInvariant(), g));
        });
        Assert.All(GoodRows("albums"), album =>
        {
            var milliseconds = int.Parse(album["duration_ms"], CultureInfo.InvariantCulture);
            Assert.InRange(milliseconds, 30_000, 600_000);
            Assert.Equal((milliseconds / 1000m).ToString("0.000", CultureInfo.InvariantCulture), album["duration_sec"]);
            Assert.InRange(int.Parse(album["track_number"], CultureInfo.InvariantCulture), 1, int.Parse(album["total_tracks"], CultureInfo.InvariantCulture));
            Assert.InRange(int.Parse(album["total_tracks"], CultureInfo.InvariantCulture), 1, 20);
            Assert.InRange(DateTime.ParseExact(album["release_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).Year, 1960, 2023);
            var names = Enumerable.Range(0, 12).Select(n => album["artist_" + n]).TakeWhile(n => n.Length > 0);
            Assert.Equal("[" + string.Join(", ", names.Select(n => "'" + n + "'")) + "]", album["artists"]);
        });
        Assert.All(GoodRows("tracks"), track => Assert.InRange(int.Parse(track["track_popularity"], CultureInfo.InvariantCulture), 0, 100));
        Assert.All(GoodRows("features"), feature =>
        {
            foreach (var share in new[] { "danceability", "energy", "speechiness", "acousticness", "instrumentalness", "liveness", "valence" })
            {
                Assert.Matches("^(0|1|0[.][0-9]{1,6})$", feature[share]);
            }
            Assert.Matches("^-?[0-9]+([.][0-9]{1,3})?$", feature["loudness"]);
            Assert.InRange(double.Parse(feature["loudness"], CultureInfo.InvariantCulture), -60, 0);
            Assert.InRange(double.Parse(feature["tempo"], CultureInfo.InvariantCulture), 50, 220);
            Assert.InRange(int.Parse(feature["key"], CultureInfo.InvariantCulture), -1, 11);
            Assert.InRange(int.Parse(feature["time_signature"], CultureInfo.InvariantCulture), 3, 5);
            Assert.Equal("spotify:track:" + feature["id"], feature["uri"]);
            Assert.Equal("https://api.spotify.com/v1/tracks/" + feature["id"], feature["track_href"]);
            Assert.Equal("https://api.spotify.com/v1/audio-analysis/" + feature["id"], feature["analysis_url"]);
        });
    }

    [Fact]
    public void Rows_below_one_are_refused_with_a_plain_message()
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<ArgumentException>(() => SpotifySampleGenerator.Write(folder.Path, new SampleOptions { Rows = 0 }));

        Assert.Equal("Rows must be at least 1; ask for the number of tracks to generate. (Parameter 'Rows')", error.Message);
    }

    [Fact]
    public void Rates_that_add_up_to_more_than_one_are_refused_with_a_plain_message()
    {
        using var folder = new TemporaryFolder();

        var error = Assert.Throws<ArgumentException>(() =>
            SpotifySampleGenerator.Write(folder.Path, new SampleOptions { Rows = 10, DefectRate = 0.6, DuplicateRate = 0.5 }));

        Assert.StartsWith("DefectRate and DuplicateRate must each be between 0 and 1 and add up to at most 1.", error.Message);
    }

    public static TheoryData<string> TableNames() => new(Tables);

    private static string CsvPath(string folder, string table) => Path.Combine(folder, table, table + ".csv");

    private static IEnumerable<string> Keys(string table, SampleCsv csv) =>
        csv.Values(table == "albums" ? "track_id" : "id").Select(key => key.Trim());

    private List<Dictionary<string, string>> GoodRows(string table)
    {
        var csv = sample.Read(table);
        var rules = PipelineRules.For(table, csv.Header);
        return csv.Rows
            .Where(row => rules.Violations(row).Count == 0)
            .Select(row => csv.Header.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => row[c.index]))
            .ToList();
    }
}
