-- Per artist: followers, catalogue size and the average popularity of their tracks.
-- The average is cast to a decimal before ROUND: Spark rounds a double by its decimal text, DuckDB by its binary value.
SELECT ar.id                             AS artist_id,
       ar.name                           AS artist_name,
       ar.followers,
       ar.artist_popularity,
       COUNT(DISTINCT al.album_id)       AS albums,
       COUNT(*)                          AS tracks,
       ROUND(CAST(AVG(t.track_popularity) AS DECIMAL(18,6)), 2) AS avg_track_popularity
FROM artists ar
JOIN albums al ON al.artist_id = ar.id
JOIN tracks t  ON t.id = al.track_id
GROUP BY ar.id, ar.name, ar.followers, ar.artist_popularity
