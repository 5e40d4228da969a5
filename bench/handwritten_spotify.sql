-- The cleaning of the four spotify tables of pipeline.yaml, written by hand in DuckDB SQL, for the benchmark only
-- (bench/local_bench.py compares the local engine's compiled plans with it). Same rules, same outputs: clean
-- Parquet, quarantine with raw text and reason, metrics as JSON lines. {staging}, {out} and {codec} are filled in
-- by the hidden 'bench-handwritten' command.
-- Partitioned files are written in row groups of 10,240 rows, as the engine writes them (PlanExecutor.PartitionedRowGroupRows).
SET preserve_insertion_order = false;

CREATE OR REPLACE TEMP MACRO txt(x) AS nullif(trim(x), '');
CREATE OR REPLACE TEMP MACRO as_int(x) AS CASE WHEN regexp_matches(x, '^[+-]?[0-9]+$') THEN TRY_CAST(x AS INTEGER) END;
CREATE OR REPLACE TEMP MACRO as_bigint(x) AS CASE WHEN regexp_matches(x, '^[+-]?[0-9]+$') THEN TRY_CAST(x AS BIGINT) END;
CREATE OR REPLACE TEMP MACRO is_number(x) AS regexp_matches(x, '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$');
CREATE OR REPLACE TEMP MACRO as_double(x) AS CASE WHEN is_number(x) AND isfinite(TRY_CAST(x AS DOUBLE)) THEN TRY_CAST(x AS DOUBLE) END;
CREATE OR REPLACE TEMP MACRO as_bool(x) AS CASE WHEN lower(x) IN ('true', 't', '1', 'yes', 'y') THEN true WHEN lower(x) IN ('false', 'f', '0', 'no', 'n') THEN false END;
CREATE OR REPLACE TEMP MACRO spotify_id(x) AS regexp_matches(x, '^[0-9A-Za-z]{22}$');

-- artists --------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE artists_raw AS
SELECT *, NULL::VARCHAR AS _corrupt_record
FROM read_csv('{staging}/artists/*.csv', header = true, auto_detect = false, quote = '"', escape = '"', allow_quoted_nulls = false,
     store_rejects = true, rejects_table = 'artists_rej', rejects_scan = 'artists_rej_scan',
     columns = {'id': 'VARCHAR', 'name': 'VARCHAR', 'artist_popularity': 'VARCHAR', 'artist_genres': 'VARCHAR', 'followers': 'VARCHAR',
                'genre_0': 'VARCHAR', 'genre_1': 'VARCHAR', 'genre_2': 'VARCHAR', 'genre_3': 'VARCHAR', 'genre_4': 'VARCHAR', 'genre_5': 'VARCHAR', 'genre_6': 'VARCHAR'});
INSERT INTO artists_raw (_corrupt_record) SELECT rtrim(any_value(csv_line), chr(13) || chr(10)) FROM artists_rej GROUP BY file_id, line;

CREATE TEMP TABLE artists_checked AS
WITH typed AS (
    SELECT *, trim(id) AS c_id, txt(name) AS c_name,
           txt(artist_popularity) AS t_pop, as_int(txt(artist_popularity)) AS c_pop,
           txt(followers) AS t_followers, as_bigint(txt(followers)) AS c_followers,
           lower(txt(genre_0)) AS c_g0, lower(txt(genre_1)) AS c_g1, lower(txt(genre_2)) AS c_g2, lower(txt(genre_3)) AS c_g3,
           lower(txt(genre_4)) AS c_g4, lower(txt(genre_5)) AS c_g5, lower(txt(genre_6)) AS c_g6
    FROM artists_raw)
SELECT *, CASE
    WHEN _corrupt_record IS NOT NULL THEN 'malformed_row'
    WHEN c_id IS NULL OR c_id = '' THEN 'missing_required:id'
    WHEN NOT spotify_id(c_id) THEN 'pattern_mismatch:id'
    WHEN c_name IS NULL THEN 'missing_required:name'
    WHEN t_pop IS NOT NULL AND c_pop IS NULL THEN 'bad_type:artist_popularity'
    WHEN c_pop < 0 OR c_pop > 100 THEN 'out_of_range:artist_popularity'
    WHEN t_followers IS NOT NULL AND c_followers IS NULL THEN 'bad_type:followers'
    WHEN c_followers < 0 THEN 'out_of_range:followers'
END AS reason
FROM typed;

COPY (SELECT c_id AS id, c_name AS name, c_pop AS artist_popularity, artist_genres, c_followers AS followers,
             c_g0 AS genre_0, c_g1 AS genre_1, c_g2 AS genre_2, c_g3 AS genre_3, c_g4 AS genre_4, c_g5 AS genre_5, c_g6 AS genre_6
      FROM artists_checked WHERE reason IS NULL
      QUALIFY row_number() OVER (PARTITION BY c_id ORDER BY c_followers DESC NULLS LAST) = 1)
TO '{out}/data-warehouse/artists/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (SELECT id, name, artist_popularity, artist_genres, followers, genre_0, genre_1, genre_2, genre_3, genre_4, genre_5, genre_6,
             _corrupt_record, reason AS _reject_reason FROM artists_checked WHERE reason IS NOT NULL)
TO '{out}/quarantine/artists/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (WITH m AS (SELECT count(*) AS n, count(reason) AS rejected, count(DISTINCT c_id) FILTER (WHERE reason IS NULL) AS written FROM artists_checked)
      SELECT 'rows_read' AS metric, NULL::VARCHAR AS reason, n AS "rows" FROM m
      UNION ALL SELECT 'rows_written', NULL, written FROM m
      UNION ALL SELECT 'rows_rejected', NULL, rejected FROM m
      UNION ALL SELECT 'duplicates_dropped', NULL, n - rejected - written FROM m
      UNION ALL SELECT 'rejected', reason, count(*) FROM artists_checked WHERE reason IS NOT NULL GROUP BY reason)
TO '{out}/_metrics/artists/part-00000.json' (FORMAT JSON);
DROP TABLE artists_checked; DROP TABLE artists_raw;

-- albums ---------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE albums_raw AS
SELECT *, NULL::VARCHAR AS _corrupt_record
FROM read_csv('{staging}/albums/*.csv', header = true, auto_detect = false, quote = '"', escape = '"', allow_quoted_nulls = false,
     store_rejects = true, rejects_table = 'albums_rej', rejects_scan = 'albums_rej_scan',
     columns = {'track_name': 'VARCHAR', 'track_id': 'VARCHAR', 'track_number': 'VARCHAR', 'duration_ms': 'VARCHAR', 'album_type': 'VARCHAR',
                'artists': 'VARCHAR', 'total_tracks': 'VARCHAR', 'album_name': 'VARCHAR', 'release_date': 'VARCHAR', 'label': 'VARCHAR',
                'album_popularity': 'VARCHAR', 'album_id': 'VARCHAR', 'artist_id': 'VARCHAR',
                'artist_0': 'VARCHAR', 'artist_1': 'VARCHAR', 'artist_2': 'VARCHAR', 'artist_3': 'VARCHAR', 'artist_4': 'VARCHAR', 'artist_5': 'VARCHAR',
                'artist_6': 'VARCHAR', 'artist_7': 'VARCHAR', 'artist_8': 'VARCHAR', 'artist_9': 'VARCHAR', 'artist_10': 'VARCHAR', 'artist_11': 'VARCHAR',
                'duration_sec': 'VARCHAR'});
INSERT INTO albums_raw (_corrupt_record) SELECT rtrim(any_value(csv_line), chr(13) || chr(10)) FROM albums_rej GROUP BY file_id, line;

CREATE TEMP TABLE albums_checked AS
WITH typed AS (
    SELECT *, trim(track_name) AS c_track_name, trim(track_id) AS c_track_id,
           txt(track_number) AS t_track_number, as_int(txt(track_number)) AS c_track_number,
           txt(duration_ms) AS t_duration_ms, as_bigint(txt(duration_ms)) AS c_duration_ms,
           lower(trim(album_type)) AS c_album_type,
           txt(total_tracks) AS t_total_tracks, as_int(txt(total_tracks)) AS c_total_tracks,
           trim(album_name) AS c_album_name,
           txt(release_date) AS t_release_date,
           CASE WHEN regexp_matches(txt(release_date), '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') THEN CAST(TRY_STRPTIME(txt(release_date), '%Y-%m-%d') AS DATE) END AS c_release_date,
           txt(label) AS c_label,
           txt(album_popularity) AS t_album_popularity, as_int(txt(album_popularity)) AS c_album_popularity,
           trim(album_id) AS c_album_id, trim(artist_id) AS c_artist_id,
           txt(artist_0) AS c_a0, txt(artist_1) AS c_a1, txt(artist_2) AS c_a2, txt(artist_3) AS c_a3, txt(artist_4) AS c_a4, txt(artist_5) AS c_a5,
           txt(artist_6) AS c_a6, txt(artist_7) AS c_a7, txt(artist_8) AS c_a8, txt(artist_9) AS c_a9, txt(artist_10) AS c_a10, txt(artist_11) AS c_a11,
           txt(duration_sec) AS t_duration_sec,
           CASE WHEN is_number(txt(duration_sec)) THEN TRY_CAST(txt(duration_sec) AS DECIMAL(10,3)) END AS c_duration_sec
    FROM albums_raw)
SELECT *, CASE
    WHEN _corrupt_record IS NOT NULL THEN 'malformed_row'
    WHEN c_track_id IS NULL OR c_track_id = '' THEN 'missing_required:track_id'
    WHEN NOT spotify_id(c_track_id) THEN 'pattern_mismatch:track_id'
    WHEN t_track_number IS NOT NULL AND c_track_number IS NULL THEN 'bad_type:track_number'
    WHEN c_track_number < 1 THEN 'out_of_range:track_number'
    WHEN t_duration_ms IS NOT NULL AND c_duration_ms IS NULL THEN 'bad_type:duration_ms'
    WHEN c_duration_ms < 0 THEN 'out_of_range:duration_ms'
    WHEN c_album_type NOT IN ('album', 'single', 'compilation') THEN 'not_allowed:album_type'
    WHEN t_total_tracks IS NOT NULL AND c_total_tracks IS NULL THEN 'bad_type:total_tracks'
    WHEN c_total_tracks < 1 THEN 'out_of_range:total_tracks'
    WHEN t_release_date IS NULL THEN 'missing_required:release_date'
    WHEN c_release_date IS NULL THEN 'bad_type:release_date'
    WHEN t_album_popularity IS NOT NULL AND c_album_popularity IS NULL THEN 'bad_type:album_popularity'
    WHEN c_album_popularity < 0 OR c_album_popularity > 100 THEN 'out_of_range:album_popularity'
    WHEN c_album_id IS NULL OR c_album_id = '' THEN 'missing_required:album_id'
    WHEN c_artist_id IS NULL OR c_artist_id = '' THEN 'missing_required:artist_id'
    WHEN t_duration_sec IS NOT NULL AND c_duration_sec IS NULL THEN 'bad_type:duration_sec'
    WHEN c_duration_sec < 0 THEN 'out_of_range:duration_sec'
END AS reason
FROM typed;

COPY (SELECT c_track_name AS track_name, c_track_id AS track_id, c_track_number AS track_number, c_duration_ms AS duration_ms,
             c_album_type AS album_type, artists, c_total_tracks AS total_tracks, c_album_name AS album_name, c_release_date AS release_date,
             c_label AS label, c_album_popularity AS album_popularity, c_album_id AS album_id, c_artist_id AS artist_id,
             c_a0 AS artist_0, c_a1 AS artist_1, c_a2 AS artist_2, c_a3 AS artist_3, c_a4 AS artist_4, c_a5 AS artist_5,
             c_a6 AS artist_6, c_a7 AS artist_7, c_a8 AS artist_8, c_a9 AS artist_9, c_a10 AS artist_10, c_a11 AS artist_11,
             c_duration_sec AS duration_sec, year(c_release_date) AS release_year
      FROM albums_checked WHERE reason IS NULL
      QUALIFY row_number() OVER (PARTITION BY c_track_id ORDER BY c_album_popularity DESC NULLS LAST) = 1)
TO '{out}/data-warehouse/albums' (FORMAT PARQUET, COMPRESSION {codec}, PARTITION_BY (release_year), ROW_GROUP_SIZE 10240, OVERWRITE_OR_IGNORE);
COPY (SELECT track_name, track_id, track_number, duration_ms, album_type, artists, total_tracks, album_name, release_date, label,
             album_popularity, album_id, artist_id, artist_0, artist_1, artist_2, artist_3, artist_4, artist_5, artist_6, artist_7,
             artist_8, artist_9, artist_10, artist_11, duration_sec, _corrupt_record, reason AS _reject_reason
      FROM albums_checked WHERE reason IS NOT NULL)
TO '{out}/quarantine/albums/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (WITH m AS (SELECT count(*) AS n, count(reason) AS rejected, count(DISTINCT c_track_id) FILTER (WHERE reason IS NULL) AS written FROM albums_checked)
      SELECT 'rows_read' AS metric, NULL::VARCHAR AS reason, n AS "rows" FROM m
      UNION ALL SELECT 'rows_written', NULL, written FROM m
      UNION ALL SELECT 'rows_rejected', NULL, rejected FROM m
      UNION ALL SELECT 'duplicates_dropped', NULL, n - rejected - written FROM m
      UNION ALL SELECT 'rejected', reason, count(*) FROM albums_checked WHERE reason IS NOT NULL GROUP BY reason)
TO '{out}/_metrics/albums/part-00000.json' (FORMAT JSON);
DROP TABLE albums_checked; DROP TABLE albums_raw;

-- tracks ---------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE tracks_raw AS
SELECT *, NULL::VARCHAR AS _corrupt_record
FROM read_csv('{staging}/tracks/*.csv', header = true, auto_detect = false, quote = '"', escape = '"', allow_quoted_nulls = false,
     store_rejects = true, rejects_table = 'tracks_rej', rejects_scan = 'tracks_rej_scan',
     columns = {'id': 'VARCHAR', 'track_popularity': 'VARCHAR', 'explicit': 'VARCHAR'});
INSERT INTO tracks_raw (_corrupt_record) SELECT rtrim(any_value(csv_line), chr(13) || chr(10)) FROM tracks_rej GROUP BY file_id, line;

CREATE TEMP TABLE tracks_checked AS
WITH typed AS (
    SELECT *, trim(id) AS c_id, txt(track_popularity) AS t_pop, as_int(txt(track_popularity)) AS c_pop,
           txt(explicit) AS t_explicit, as_bool(txt(explicit)) AS c_explicit
    FROM tracks_raw)
SELECT *, CASE
    WHEN _corrupt_record IS NOT NULL THEN 'malformed_row'
    WHEN c_id IS NULL OR c_id = '' THEN 'missing_required:id'
    WHEN NOT spotify_id(c_id) THEN 'pattern_mismatch:id'
    WHEN t_pop IS NULL THEN 'missing_required:track_popularity'
    WHEN c_pop IS NULL THEN 'bad_type:track_popularity'
    WHEN c_pop < 0 OR c_pop > 100 THEN 'out_of_range:track_popularity'
    WHEN t_explicit IS NOT NULL AND c_explicit IS NULL THEN 'bad_type:explicit'
END AS reason
FROM typed;

COPY (SELECT c_id AS id, c_pop AS track_popularity, c_explicit AS explicit FROM tracks_checked WHERE reason IS NULL
      QUALIFY row_number() OVER (PARTITION BY c_id ORDER BY c_pop DESC NULLS LAST) = 1)
TO '{out}/data-warehouse/tracks/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (SELECT id, track_popularity, explicit, _corrupt_record, reason AS _reject_reason FROM tracks_checked WHERE reason IS NOT NULL)
TO '{out}/quarantine/tracks/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (WITH m AS (SELECT count(*) AS n, count(reason) AS rejected, count(DISTINCT c_id) FILTER (WHERE reason IS NULL) AS written FROM tracks_checked)
      SELECT 'rows_read' AS metric, NULL::VARCHAR AS reason, n AS "rows" FROM m
      UNION ALL SELECT 'rows_written', NULL, written FROM m
      UNION ALL SELECT 'rows_rejected', NULL, rejected FROM m
      UNION ALL SELECT 'duplicates_dropped', NULL, n - rejected - written FROM m
      UNION ALL SELECT 'rejected', reason, count(*) FROM tracks_checked WHERE reason IS NOT NULL GROUP BY reason)
TO '{out}/_metrics/tracks/part-00000.json' (FORMAT JSON);
DROP TABLE tracks_checked; DROP TABLE tracks_raw;

-- features -------------------------------------------------------------------------------------------------------
CREATE TEMP TABLE features_raw AS
SELECT *, NULL::VARCHAR AS _corrupt_record
FROM read_csv('{staging}/features/*.csv', header = true, auto_detect = false, quote = '"', escape = '"', allow_quoted_nulls = false,
     store_rejects = true, rejects_table = 'features_rej', rejects_scan = 'features_rej_scan',
     columns = {'danceability': 'VARCHAR', 'energy': 'VARCHAR', 'key': 'VARCHAR', 'loudness': 'VARCHAR', 'mode': 'VARCHAR',
                'speechiness': 'VARCHAR', 'acousticness': 'VARCHAR', 'instrumentalness': 'VARCHAR', 'liveness': 'VARCHAR', 'valence': 'VARCHAR',
                'tempo': 'VARCHAR', 'type': 'VARCHAR', 'id': 'VARCHAR', 'uri': 'VARCHAR', 'track_href': 'VARCHAR', 'analysis_url': 'VARCHAR',
                'duration_ms': 'VARCHAR', 'time_signature': 'VARCHAR'});
INSERT INTO features_raw (_corrupt_record) SELECT rtrim(any_value(csv_line), chr(13) || chr(10)) FROM features_rej GROUP BY file_id, line;

CREATE TEMP TABLE features_checked AS
WITH typed AS (
    SELECT *,
           txt(danceability) AS t_dance, as_double(txt(danceability)) AS c_dance,
           txt(energy) AS t_energy, as_double(txt(energy)) AS c_energy,
           txt("key") AS t_key, as_int(txt("key")) AS c_key,
           txt(loudness) AS t_loud, as_double(txt(loudness)) AS c_loud,
           txt("mode") AS t_mode, as_int(txt("mode")) AS c_mode,
           txt(speechiness) AS t_speech, as_double(txt(speechiness)) AS c_speech,
           txt(acousticness) AS t_acoustic, as_double(txt(acousticness)) AS c_acoustic,
           txt(instrumentalness) AS t_instr, as_double(txt(instrumentalness)) AS c_instr,
           txt(liveness) AS t_live, as_double(txt(liveness)) AS c_live,
           txt(valence) AS t_valence, as_double(txt(valence)) AS c_valence,
           txt(tempo) AS t_tempo, as_double(txt(tempo)) AS c_tempo,
           lower(trim("type")) AS c_type, trim(id) AS c_id, trim(uri) AS c_uri, trim(track_href) AS c_href, trim(analysis_url) AS c_analysis,
           txt(duration_ms) AS t_duration, as_bigint(txt(duration_ms)) AS c_duration,
           txt(time_signature) AS t_sig, as_int(txt(time_signature)) AS c_sig
    FROM features_raw)
SELECT *, CASE
    WHEN _corrupt_record IS NOT NULL THEN 'malformed_row'
    WHEN t_dance IS NOT NULL AND c_dance IS NULL THEN 'bad_type:danceability'
    WHEN c_dance < 0 OR c_dance > 1 THEN 'out_of_range:danceability'
    WHEN t_energy IS NOT NULL AND c_energy IS NULL THEN 'bad_type:energy'
    WHEN c_energy < 0 OR c_energy > 1 THEN 'out_of_range:energy'
    WHEN t_key IS NOT NULL AND c_key IS NULL THEN 'bad_type:key'
    WHEN c_key < -1 OR c_key > 11 THEN 'out_of_range:key'
    WHEN t_loud IS NOT NULL AND c_loud IS NULL THEN 'bad_type:loudness'
    WHEN c_loud < -60 OR c_loud > 5 THEN 'out_of_range:loudness'
    WHEN t_mode IS NOT NULL AND c_mode IS NULL THEN 'bad_type:mode'
    WHEN t_mode NOT IN ('0', '1') THEN 'not_allowed:mode'
    WHEN t_speech IS NOT NULL AND c_speech IS NULL THEN 'bad_type:speechiness'
    WHEN c_speech < 0 OR c_speech > 1 THEN 'out_of_range:speechiness'
    WHEN t_acoustic IS NOT NULL AND c_acoustic IS NULL THEN 'bad_type:acousticness'
    WHEN c_acoustic < 0 OR c_acoustic > 1 THEN 'out_of_range:acousticness'
    WHEN t_instr IS NOT NULL AND c_instr IS NULL THEN 'bad_type:instrumentalness'
    WHEN c_instr < 0 OR c_instr > 1 THEN 'out_of_range:instrumentalness'
    WHEN t_live IS NOT NULL AND c_live IS NULL THEN 'bad_type:liveness'
    WHEN c_live < 0 OR c_live > 1 THEN 'out_of_range:liveness'
    WHEN t_valence IS NOT NULL AND c_valence IS NULL THEN 'bad_type:valence'
    WHEN c_valence < 0 OR c_valence > 1 THEN 'out_of_range:valence'
    WHEN t_tempo IS NOT NULL AND c_tempo IS NULL THEN 'bad_type:tempo'
    WHEN c_tempo < 0 OR c_tempo > 300 THEN 'out_of_range:tempo'
    WHEN c_type NOT IN ('audio_features') THEN 'not_allowed:type'
    WHEN c_id IS NULL OR c_id = '' THEN 'missing_required:id'
    WHEN NOT spotify_id(c_id) THEN 'pattern_mismatch:id'
    WHEN t_duration IS NOT NULL AND c_duration IS NULL THEN 'bad_type:duration_ms'
    WHEN c_duration < 0 THEN 'out_of_range:duration_ms'
    WHEN t_sig IS NOT NULL AND c_sig IS NULL THEN 'bad_type:time_signature'
    WHEN c_sig < 0 OR c_sig > 7 THEN 'out_of_range:time_signature'
END AS reason
FROM typed;

COPY (SELECT c_dance AS danceability, c_energy AS energy, c_key AS "key", c_loud AS loudness, c_mode AS "mode", c_speech AS speechiness,
             c_acoustic AS acousticness, c_instr AS instrumentalness, c_live AS liveness, c_valence AS valence, c_tempo AS tempo,
             c_type AS "type", c_id AS id, c_uri AS uri, c_href AS track_href, c_analysis AS analysis_url, c_duration AS duration_ms,
             c_sig AS time_signature
      FROM features_checked WHERE reason IS NULL
      QUALIFY row_number() OVER (PARTITION BY c_id) = 1)
TO '{out}/data-warehouse/features/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (SELECT danceability, energy, "key", loudness, "mode", speechiness, acousticness, instrumentalness, liveness, valence, tempo, "type",
             id, uri, track_href, analysis_url, duration_ms, time_signature, _corrupt_record, reason AS _reject_reason
      FROM features_checked WHERE reason IS NOT NULL)
TO '{out}/quarantine/features/part-00000.parquet' (FORMAT PARQUET, COMPRESSION {codec});
COPY (WITH m AS (SELECT count(*) AS n, count(reason) AS rejected, count(DISTINCT c_id) FILTER (WHERE reason IS NULL) AS written FROM features_checked)
      SELECT 'rows_read' AS metric, NULL::VARCHAR AS reason, n AS "rows" FROM m
      UNION ALL SELECT 'rows_written', NULL, written FROM m
      UNION ALL SELECT 'rows_rejected', NULL, rejected FROM m
      UNION ALL SELECT 'duplicates_dropped', NULL, n - rejected - written FROM m
      UNION ALL SELECT 'rejected', reason, count(*) FROM features_checked WHERE reason IS NOT NULL GROUP BY reason)
TO '{out}/_metrics/features/part-00000.json' (FORMAT JSON);
DROP TABLE features_checked; DROP TABLE features_raw;
