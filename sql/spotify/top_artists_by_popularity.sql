-- Top 20 artists by the average popularity of their tracks (artists with at least 2 tracks).
SELECT ar.name                              AS artist,
       ROUND(AVG(t.track_popularity), 1)    AS avg_track_popularity,
       COUNT(*)                             AS tracks
FROM "{{database}}"."tbl_albums" al
JOIN "{{database}}"."tbl_tracks" t   ON t.id = al.track_id
JOIN "{{database}}"."tbl_artists" ar ON ar.id = al.artist_id
GROUP BY ar.name
HAVING COUNT(*) >= 2
ORDER BY avg_track_popularity DESC, artist
LIMIT 20
