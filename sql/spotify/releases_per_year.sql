-- Album tracks and albums released per year.
SELECT release_year,
       COUNT(*)                 AS album_tracks,
       COUNT(DISTINCT album_id) AS albums
FROM "{{database}}"."tbl_albums"
GROUP BY release_year
ORDER BY release_year
