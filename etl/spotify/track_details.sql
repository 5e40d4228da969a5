-- One row per track with its audio features, album and main artist.
-- Reads the cleaned tables by name; runs unchanged on Spark (Glue) and DuckDB (local).
SELECT t.id                AS track_id,
       al.track_name,
       al.album_name,
       al.release_date,
       al.release_year,
       t.track_popularity,
       t.explicit,
       f.danceability,
       f.energy,
       f.valence,
       f.tempo,
       f.duration_ms,
       ar.name             AS artist_name,
       ar.followers        AS artist_followers
FROM tracks t
JOIN features f     ON f.id = t.id
LEFT JOIN albums al ON al.track_id = t.id
LEFT JOIN artists ar ON ar.id = al.artist_id
