-- Per artist: followers, catalogue size and the average popularity of their tracks.
SELECT ar.id                             AS artist_id,
       ar.name                           AS artist_name,
       ar.followers,
       ar.artist_popularity,
       COUNT(DISTINCT al.album_id)       AS albums,
       COUNT(*)                          AS tracks,
       ROUND(AVG(t.track_popularity), 2) AS avg_track_popularity
FROM artists ar
JOIN albums al ON al.artist_id = ar.id
JOIN tracks t  ON t.id = al.track_id
GROUP BY ar.id, ar.name, ar.followers, ar.artist_popularity
