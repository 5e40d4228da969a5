-- Average track popularity per danceability band of 0.1.
SELECT CAST(FLOOR(f.danceability * 10) AS INTEGER) / 10.0 AS danceability_band,
       ROUND(AVG(t.track_popularity), 2)                 AS avg_track_popularity,
       COUNT(*)                                          AS tracks
FROM "{{database}}"."tbl_features" f
JOIN "{{database}}"."tbl_tracks" t ON t.id = f.id
GROUP BY CAST(FLOOR(f.danceability * 10) AS INTEGER)
ORDER BY danceability_band
