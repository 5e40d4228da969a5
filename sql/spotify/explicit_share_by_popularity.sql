-- Share of explicit tracks in each popularity band of 10 points.
-- 1e0 and 0e0 are doubles: Athena (Trino) averages 1.0 and 0.0 as DECIMAL(2,1) and rounds the share to one decimal.
SELECT CAST(FLOOR(track_popularity / 10.0) AS INTEGER) * 10             AS popularity_band,
       ROUND(AVG(CASE WHEN explicit THEN 1e0 ELSE 0e0 END), 3)         AS explicit_share,
       COUNT(*)                                                        AS tracks
FROM "{{database}}"."tbl_tracks"
GROUP BY CAST(FLOOR(track_popularity / 10.0) AS INTEGER)
ORDER BY popularity_band
