-- Album tracks and albums released per year and album type.
SELECT release_year,
       album_type,
       COUNT(*)                 AS album_tracks,
       COUNT(DISTINCT album_id) AS albums
FROM "{{database}}"."tbl_albums"
GROUP BY release_year, album_type
ORDER BY release_year, album_type
