namespace DataPipeline.Bench.Spotify;

/// <summary>The columns of each staging file, in the order of the public dataset and pipeline.yaml.</summary>
internal static class SpotifyColumns
{
    public static readonly string[] Artists =
    [
        "id", "name", "artist_popularity", "artist_genres", "followers",
        "genre_0", "genre_1", "genre_2", "genre_3", "genre_4", "genre_5", "genre_6",
    ];

    public static readonly string[] Albums =
    [
        "track_name", "track_id", "track_number", "duration_ms", "album_type", "artists", "total_tracks", "album_name",
        "release_date", "label", "album_popularity", "album_id", "artist_id",
        "artist_0", "artist_1", "artist_2", "artist_3", "artist_4", "artist_5",
        "artist_6", "artist_7", "artist_8", "artist_9", "artist_10", "artist_11",
        "duration_sec",
    ];

    public static readonly string[] Tracks = ["id", "track_popularity", "explicit"];

    public static readonly string[] Features =
    [
        "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness", "instrumentalness",
        "liveness", "valence", "tempo", "type", "id", "uri", "track_href", "analysis_url", "duration_ms", "time_signature",
    ];
}
