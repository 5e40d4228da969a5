-- One row per album track: artist, label, release year, album type, popularity and whether it is explicit; the
-- executive dashboard aggregates it per visual, so its filters (release year, album type) apply to every figure.
SELECT ar.name                                                AS artist,
       COALESCE(al.label, '(no label)')                       AS label,
       al.release_year,
       al.album_type,
       al.album_id,
       t.track_popularity,
       CASE WHEN t.explicit THEN 1 ELSE 0 END                 AS explicit_track,
       CASE WHEN t.explicit THEN 'explicit' ELSE 'clean' END  AS content
FROM "{{database}}"."tbl_albums" al
JOIN "{{database}}"."tbl_tracks" t   ON t.id = al.track_id
JOIN "{{database}}"."tbl_artists" ar ON ar.id = al.artist_id
