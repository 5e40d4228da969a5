-- Share of explicit tracks in each popularity band of 10 points.
SELECT CAST(FLOOR(track_popularity / 10.0) AS INTEGER) * 10             AS popularity_band,
       ROUND(AVG(CASE WHEN explicit THEN 1.0 ELSE 0.0 END), 3)         AS explicit_share,
       COUNT(*)                                                        AS tracks
FROM "{{database}}"."tbl_tracks"
GROUP BY CAST(FLOOR(track_popularity / 10.0) AS INTEGER)
ORDER BY popularity_band
