-- One row per album track with its danceability and energy bands of 0.1 and its popularity, for the heatmap of
-- average popularity by danceability and energy (release year and album type kept for the dashboard's filters).
SELECT CAST(FLOOR(f.danceability * 10) AS INTEGER) / 10.0 AS danceability_band,
       CAST(FLOOR(f.energy * 10) AS INTEGER) / 10.0       AS energy_band,
       t.track_popularity,
       al.release_year,
       al.album_type
FROM "{{database}}"."tbl_albums" al
JOIN "{{database}}"."tbl_tracks" t   ON t.id = al.track_id
JOIN "{{database}}"."tbl_features" f ON f.id = t.id
