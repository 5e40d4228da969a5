-- Labels whose albums are the most popular (labels with at least 2 albums).
SELECT label,
       ROUND(AVG(album_popularity), 1) AS avg_album_popularity,
       COUNT(DISTINCT album_id)        AS albums
FROM "{{database}}"."tbl_albums"
WHERE label IS NOT NULL
GROUP BY label
HAVING COUNT(DISTINCT album_id) >= 2
ORDER BY avg_album_popularity DESC, label
LIMIT 15
