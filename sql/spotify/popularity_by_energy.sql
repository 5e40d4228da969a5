-- Average track popularity per energy band of 0.1.
SELECT CAST(FLOOR(f.energy * 10) AS INTEGER) / 10.0 AS energy_band,
       ROUND(AVG(t.track_popularity), 2)           AS avg_track_popularity,
       COUNT(*)                                    AS tracks
FROM "{{database}}"."tbl_features" f
JOIN "{{database}}"."tbl_tracks" t ON t.id = f.id
GROUP BY CAST(FLOOR(f.energy * 10) AS INTEGER)
ORDER BY energy_band
