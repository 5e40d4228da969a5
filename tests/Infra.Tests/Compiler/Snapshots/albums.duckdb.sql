-- step: albums_layout (materialized)
SELECT
    "_source_file",
    "_arrival",
    "_header_line",
    "_header_valid",
    CASE WHEN "_header_line" IS NULL THEN NULL ELSE len("_names") END AS "_field_count",
    list_position("_names", 'track_name') AS "_position_0",
    len(list_filter("_names", element -> element = 'track_name')) AS "_count_0",
    list_position("_names", 'track_id') AS "_position_1",
    len(list_filter("_names", element -> element = 'track_id')) AS "_count_1",
    list_position("_names", 'track_number') AS "_position_2",
    len(list_filter("_names", element -> element = 'track_number')) AS "_count_2",
    list_position("_names", 'duration_ms') AS "_position_3",
    len(list_filter("_names", element -> element = 'duration_ms')) AS "_count_3",
    list_position("_names", 'album_type') AS "_position_4",
    len(list_filter("_names", element -> element = 'album_type')) AS "_count_4",
    list_position("_names", 'artists') AS "_position_5",
    len(list_filter("_names", element -> element = 'artists')) AS "_count_5",
    list_position("_names", 'total_tracks') AS "_position_6",
    len(list_filter("_names", element -> element = 'total_tracks')) AS "_count_6",
    list_position("_names", 'album_name') AS "_position_7",
    len(list_filter("_names", element -> element = 'album_name')) AS "_count_7",
    list_position("_names", 'release_date') AS "_position_8",
    len(list_filter("_names", element -> element = 'release_date')) AS "_count_8",
    list_position("_names", 'label') AS "_position_9",
    len(list_filter("_names", element -> element = 'label')) AS "_count_9",
    list_position("_names", 'album_popularity') AS "_position_10",
    len(list_filter("_names", element -> element = 'album_popularity')) AS "_count_10",
    list_position("_names", 'album_id') AS "_position_11",
    len(list_filter("_names", element -> element = 'album_id')) AS "_count_11",
    list_position("_names", 'artist_id') AS "_position_12",
    len(list_filter("_names", element -> element = 'artist_id')) AS "_count_12",
    list_position("_names", 'artist_0') AS "_position_13",
    len(list_filter("_names", element -> element = 'artist_0')) AS "_count_13",
    list_position("_names", 'artist_1') AS "_position_14",
    len(list_filter("_names", element -> element = 'artist_1')) AS "_count_14",
    list_position("_names", 'artist_2') AS "_position_15",
    len(list_filter("_names", element -> element = 'artist_2')) AS "_count_15",
    list_position("_names", 'artist_3') AS "_position_16",
    len(list_filter("_names", element -> element = 'artist_3')) AS "_count_16",
    list_position("_names", 'artist_4') AS "_position_17",
    len(list_filter("_names", element -> element = 'artist_4')) AS "_count_17",
    list_position("_names", 'artist_5') AS "_position_18",
    len(list_filter("_names", element -> element = 'artist_5')) AS "_count_18",
    list_position("_names", 'artist_6') AS "_position_19",
    len(list_filter("_names", element -> element = 'artist_6')) AS "_count_19",
    list_position("_names", 'artist_7') AS "_position_20",
    len(list_filter("_names", element -> element = 'artist_7')) AS "_count_20",
    list_position("_names", 'artist_8') AS "_position_21",
    len(list_filter("_names", element -> element = 'artist_8')) AS "_count_21",
    list_position("_names", 'artist_9') AS "_position_22",
    len(list_filter("_names", element -> element = 'artist_9')) AS "_count_22",
    list_position("_names", 'artist_10') AS "_position_23",
    len(list_filter("_names", element -> element = 'artist_10')) AS "_count_23",
    list_position("_names", 'artist_11') AS "_position_24",
    len(list_filter("_names", element -> element = 'artist_11')) AS "_count_24",
    list_position("_names", 'duration_sec') AS "_position_25",
    len(list_filter("_names", element -> element = 'duration_sec')) AS "_count_25"
FROM (
    SELECT
        *,
        list_transform(CASE WHEN INSTR("_header_line", '"') > 0 THEN list_transform(regexp_extract_all("_header_line" || ',', '\"[^\"]*(?:\"\"[^\"]*)*\"\,|[^\,\"][^\,]*\,|\,'), field -> substr(field, 1, length(field) - 1)) ELSE string_split("_header_line", ',') END, field -> CASE WHEN strlen(CASE WHEN starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END) ELSE CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END END) = length(CASE WHEN starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END) ELSE CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END END) THEN lower(CASE WHEN starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END) ELSE CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END END) ELSE translate(CASE WHEN starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, ' ') OR starts_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) OR ends_with(CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END, (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END) ELSE CASE WHEN field IS NULL OR field = '' THEN NULL WHEN starts_with(field, '"') THEN replace(substr(field, 2, length(field) - 2), '""', '"') ELSE field END END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END) AS "_names",
        CASE WHEN INSTR("_header_line", '"') > 0 THEN regexp_matches("_header_line", '^(?:\"[^\"]*(?:\"\"[^\"]*)*\"|[^\,\"][^\,]*|)(?:\,(?:\"[^\"]*(?:\"\"[^\"]*)*\"|[^\,\"][^\,]*|))*\z') ELSE TRUE END AS "_header_valid"
    FROM (
        SELECT
            "_source_file",
            "_arrival",
            "_first_line" AS "_header_line"
        FROM "files_albums"
    ) AS "header"
) AS "split";

-- step: albums_problems
SELECT "_source_file", "_source_file" || ': the header line does not follow the CSV rules (a quote inside an unquoted name, or an unclosed quote); fix the file''s first line. It reads: ' || "_header_line" AS "message" FROM "albums_layout" WHERE "_header_line" IS NOT NULL AND NOT "_header_valid"
UNION ALL
SELECT "_source_file", "_source_file" || ': the header has no column ' || missing || ' (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: ' || "_header_line" AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_position_0" IS NULL THEN 'track_name' END, CASE WHEN "_position_1" IS NULL THEN 'track_id' END, CASE WHEN "_position_2" IS NULL THEN 'track_number' END, CASE WHEN "_position_3" IS NULL THEN 'duration_ms' END, CASE WHEN "_position_4" IS NULL THEN 'album_type' END, CASE WHEN "_position_5" IS NULL THEN 'artists' END, CASE WHEN "_position_6" IS NULL THEN 'total_tracks' END, CASE WHEN "_position_7" IS NULL THEN 'album_name' END, CASE WHEN "_position_8" IS NULL THEN 'release_date' END, CASE WHEN "_position_9" IS NULL THEN 'label' END, CASE WHEN "_position_10" IS NULL THEN 'album_popularity' END, CASE WHEN "_position_11" IS NULL THEN 'album_id' END, CASE WHEN "_position_12" IS NULL THEN 'artist_id' END, CASE WHEN "_position_13" IS NULL THEN 'artist_0' END, CASE WHEN "_position_14" IS NULL THEN 'artist_1' END, CASE WHEN "_position_15" IS NULL THEN 'artist_2' END, CASE WHEN "_position_16" IS NULL THEN 'artist_3' END, CASE WHEN "_position_17" IS NULL THEN 'artist_4' END, CASE WHEN "_position_18" IS NULL THEN 'artist_5' END, CASE WHEN "_position_19" IS NULL THEN 'artist_6' END, CASE WHEN "_position_20" IS NULL THEN 'artist_7' END, CASE WHEN "_position_21" IS NULL THEN 'artist_8' END, CASE WHEN "_position_22" IS NULL THEN 'artist_9' END, CASE WHEN "_position_23" IS NULL THEN 'artist_10' END, CASE WHEN "_position_24" IS NULL THEN 'artist_11' END, CASE WHEN "_position_25" IS NULL THEN 'duration_sec' END) AS missing FROM "albums_layout" WHERE "_header_line" IS NOT NULL AND "_header_valid") AS layout WHERE missing <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': the header names ' || repeated || ' more than once (ignoring case), so the column to read is unclear; rename one of them in the file.' AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_count_0" > 1 THEN 'track_name' END, CASE WHEN "_count_1" > 1 THEN 'track_id' END, CASE WHEN "_count_2" > 1 THEN 'track_number' END, CASE WHEN "_count_3" > 1 THEN 'duration_ms' END, CASE WHEN "_count_4" > 1 THEN 'album_type' END, CASE WHEN "_count_5" > 1 THEN 'artists' END, CASE WHEN "_count_6" > 1 THEN 'total_tracks' END, CASE WHEN "_count_7" > 1 THEN 'album_name' END, CASE WHEN "_count_8" > 1 THEN 'release_date' END, CASE WHEN "_count_9" > 1 THEN 'label' END, CASE WHEN "_count_10" > 1 THEN 'album_popularity' END, CASE WHEN "_count_11" > 1 THEN 'album_id' END, CASE WHEN "_count_12" > 1 THEN 'artist_id' END, CASE WHEN "_count_13" > 1 THEN 'artist_0' END, CASE WHEN "_count_14" > 1 THEN 'artist_1' END, CASE WHEN "_count_15" > 1 THEN 'artist_2' END, CASE WHEN "_count_16" > 1 THEN 'artist_3' END, CASE WHEN "_count_17" > 1 THEN 'artist_4' END, CASE WHEN "_count_18" > 1 THEN 'artist_5' END, CASE WHEN "_count_19" > 1 THEN 'artist_6' END, CASE WHEN "_count_20" > 1 THEN 'artist_7' END, CASE WHEN "_count_21" > 1 THEN 'artist_8' END, CASE WHEN "_count_22" > 1 THEN 'artist_9' END, CASE WHEN "_count_23" > 1 THEN 'artist_10' END, CASE WHEN "_count_24" > 1 THEN 'artist_11' END, CASE WHEN "_count_25" > 1 THEN 'duration_sec' END) AS repeated FROM "albums_layout" WHERE "_header_line" IS NOT NULL) AS layout WHERE repeated <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': holds text that is not valid utf-8 (the replacement character U+FFFD); set the table''s source encoding to the files'' encoding (utf-8, latin-1 or utf-16), or fix the file.' AS "message" FROM (SELECT DISTINCT "_source_file" FROM "raw_albums" WHERE INSTR("_line", (chr(65533))) > 0) AS files;

-- step: albums_typed (materialized)
SELECT
    "track_name",
    "track_id",
    "track_number",
    "duration_ms",
    "album_type",
    "artists",
    "total_tracks",
    "album_name",
    "release_date",
    "label",
    "album_popularity",
    "album_id",
    "artist_id",
    "artist_0",
    "artist_1",
    "artist_2",
    "artist_3",
    "artist_4",
    "artist_5",
    "artist_6",
    "artist_7",
    "artist_8",
    "artist_9",
    "artist_10",
    "artist_11",
    "duration_sec",
    "_source_file",
    "_line",
    "_arrival",
    "_is_header",
    "_reject_reason"
FROM (
    SELECT
        *,
        CASE
            WHEN "_is_header" THEN NULL
            WHEN "_malformed" THEN 'malformed_row'
            WHEN ("_text_track_id" IS NULL OR "_text_track_id" = '') THEN 'missing_required:track_id'
            WHEN NOT (regexp_matches("_text_track_id", '^[0-9A-Za-z]{22}\z')) THEN 'pattern_mismatch:track_id'
            WHEN "_text_track_number" IS NOT NULL AND "track_number" IS NULL THEN 'bad_type:track_number'
            WHEN "track_number" < 1 THEN 'out_of_range:track_number'
            WHEN "_text_duration_ms" IS NOT NULL AND "duration_ms" IS NULL THEN 'bad_type:duration_ms'
            WHEN "duration_ms" < 0 THEN 'out_of_range:duration_ms'
            WHEN NOT ("_text_album_type" = 'album' OR "_text_album_type" = 'single' OR "_text_album_type" = 'compilation') THEN 'not_allowed:album_type'
            WHEN "_text_total_tracks" IS NOT NULL AND "total_tracks" IS NULL THEN 'bad_type:total_tracks'
            WHEN "total_tracks" < 1 THEN 'out_of_range:total_tracks'
            WHEN "_text_release_date" IS NULL THEN 'missing_required:release_date'
            WHEN "_text_release_date" IS NOT NULL AND "release_date" IS NULL THEN 'bad_type:release_date'
            WHEN "_text_album_popularity" IS NOT NULL AND "album_popularity" IS NULL THEN 'bad_type:album_popularity'
            WHEN "album_popularity" < 0 OR "album_popularity" > 100 THEN 'out_of_range:album_popularity'
            WHEN ("_text_album_id" IS NULL OR "_text_album_id" = '') THEN 'missing_required:album_id'
            WHEN ("_text_artist_id" IS NULL OR "_text_artist_id" = '') THEN 'missing_required:artist_id'
            WHEN "_text_duration_sec" IS NOT NULL AND "duration_sec" IS NULL THEN 'bad_type:duration_sec'
            WHEN "duration_sec" < 0 THEN 'out_of_range:duration_sec'
        END AS "_reject_reason"
    FROM (
        SELECT
            *,
            "_text_track_name" AS "track_name",
            "_text_track_id" AS "track_id",
            CASE WHEN regexp_matches("_text_track_number", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_track_number" AS INTEGER) END AS "track_number",
            CASE WHEN regexp_matches("_text_duration_ms", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_duration_ms" AS BIGINT) END AS "duration_ms",
            "_text_album_type" AS "album_type",
            "_text_artists" AS "artists",
            CASE WHEN regexp_matches("_text_total_tracks", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_total_tracks" AS INTEGER) END AS "total_tracks",
            "_text_album_name" AS "album_name",
            CASE WHEN regexp_matches("_text_release_date", '^[0-9]{4}-[0-9]{2}-[0-9]{2}\z') THEN CAST(TRY_STRPTIME("_text_release_date", '%Y-%m-%d') AS DATE) END AS "release_date",
            "_text_label" AS "label",
            CASE WHEN regexp_matches("_text_album_popularity", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_album_popularity" AS INTEGER) END AS "album_popularity",
            "_text_album_id" AS "album_id",
            "_text_artist_id" AS "artist_id",
            "_text_artist_0" AS "artist_0",
            "_text_artist_1" AS "artist_1",
            "_text_artist_2" AS "artist_2",
            "_text_artist_3" AS "artist_3",
            "_text_artist_4" AS "artist_4",
            "_text_artist_5" AS "artist_5",
            "_text_artist_6" AS "artist_6",
            "_text_artist_7" AS "artist_7",
            "_text_artist_8" AS "artist_8",
            "_text_artist_9" AS "artist_9",
            "_text_artist_10" AS "artist_10",
            "_text_artist_11" AS "artist_11",
            CASE WHEN regexp_matches("_text_duration_sec", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_duration_sec" AS DECIMAL(10,3)) END AS "duration_sec"
        FROM (
            SELECT
                *,
                CASE WHEN NOT "_padded" THEN "_raw_track_name" WHEN starts_with("_raw_track_name", ' ') OR ends_with("_raw_track_name", ' ') OR starts_with("_raw_track_name", (chr(9))) OR ends_with("_raw_track_name", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_track_name") ELSE "_raw_track_name" END AS "_text_track_name",
                CASE WHEN NOT "_padded" THEN "_raw_track_id" WHEN starts_with("_raw_track_id", ' ') OR ends_with("_raw_track_id", ' ') OR starts_with("_raw_track_id", (chr(9))) OR ends_with("_raw_track_id", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_track_id") ELSE "_raw_track_id" END AS "_text_track_id",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_track_number" WHEN starts_with("_raw_track_number", ' ') OR ends_with("_raw_track_number", ' ') OR starts_with("_raw_track_number", (chr(9))) OR ends_with("_raw_track_number", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_track_number") ELSE "_raw_track_number" END, '') AS "_text_track_number",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_duration_ms" WHEN starts_with("_raw_duration_ms", ' ') OR ends_with("_raw_duration_ms", ' ') OR starts_with("_raw_duration_ms", (chr(9))) OR ends_with("_raw_duration_ms", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_duration_ms") ELSE "_raw_duration_ms" END, '') AS "_text_duration_ms",
                CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_album_type" WHEN starts_with("_raw_album_type", ' ') OR ends_with("_raw_album_type", ' ') OR starts_with("_raw_album_type", (chr(9))) OR ends_with("_raw_album_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_type") ELSE "_raw_album_type" END) = length(CASE WHEN NOT "_padded" THEN "_raw_album_type" WHEN starts_with("_raw_album_type", ' ') OR ends_with("_raw_album_type", ' ') OR starts_with("_raw_album_type", (chr(9))) OR ends_with("_raw_album_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_type") ELSE "_raw_album_type" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_album_type" WHEN starts_with("_raw_album_type", ' ') OR ends_with("_raw_album_type", ' ') OR starts_with("_raw_album_type", (chr(9))) OR ends_with("_raw_album_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_type") ELSE "_raw_album_type" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_album_type" WHEN starts_with("_raw_album_type", ' ') OR ends_with("_raw_album_type", ' ') OR starts_with("_raw_album_type", (chr(9))) OR ends_with("_raw_album_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_type") ELSE "_raw_album_type" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END AS "_text_album_type",
                "_raw_artists" AS "_text_artists",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_total_tracks" WHEN starts_with("_raw_total_tracks", ' ') OR ends_with("_raw_total_tracks", ' ') OR starts_with("_raw_total_tracks", (chr(9))) OR ends_with("_raw_total_tracks", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_total_tracks") ELSE "_raw_total_tracks" END, '') AS "_text_total_tracks",
                CASE WHEN NOT "_padded" THEN "_raw_album_name" WHEN starts_with("_raw_album_name", ' ') OR ends_with("_raw_album_name", ' ') OR starts_with("_raw_album_name", (chr(9))) OR ends_with("_raw_album_name", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_name") ELSE "_raw_album_name" END AS "_text_album_name",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_release_date" WHEN starts_with("_raw_release_date", ' ') OR ends_with("_raw_release_date", ' ') OR starts_with("_raw_release_date", (chr(9))) OR ends_with("_raw_release_date", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_release_date") ELSE "_raw_release_date" END, '') AS "_text_release_date",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_label" WHEN starts_with("_raw_label", ' ') OR ends_with("_raw_label", ' ') OR starts_with("_raw_label", (chr(9))) OR ends_with("_raw_label", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_label") ELSE "_raw_label" END, '') AS "_text_label",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_album_popularity" WHEN starts_with("_raw_album_popularity", ' ') OR ends_with("_raw_album_popularity", ' ') OR starts_with("_raw_album_popularity", (chr(9))) OR ends_with("_raw_album_popularity", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_popularity") ELSE "_raw_album_popularity" END, '') AS "_text_album_popularity",
                CASE WHEN NOT "_padded" THEN "_raw_album_id" WHEN starts_with("_raw_album_id", ' ') OR ends_with("_raw_album_id", ' ') OR starts_with("_raw_album_id", (chr(9))) OR ends_with("_raw_album_id", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_album_id") ELSE "_raw_album_id" END AS "_text_album_id",
                CASE WHEN NOT "_padded" THEN "_raw_artist_id" WHEN starts_with("_raw_artist_id", ' ') OR ends_with("_raw_artist_id", ' ') OR starts_with("_raw_artist_id", (chr(9))) OR ends_with("_raw_artist_id", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_id") ELSE "_raw_artist_id" END AS "_text_artist_id",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_0" WHEN starts_with("_raw_artist_0", ' ') OR ends_with("_raw_artist_0", ' ') OR starts_with("_raw_artist_0", (chr(9))) OR ends_with("_raw_artist_0", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_0") ELSE "_raw_artist_0" END, '') AS "_text_artist_0",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_1" WHEN starts_with("_raw_artist_1", ' ') OR ends_with("_raw_artist_1", ' ') OR starts_with("_raw_artist_1", (chr(9))) OR ends_with("_raw_artist_1", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_1") ELSE "_raw_artist_1" END, '') AS "_text_artist_1",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_2" WHEN starts_with("_raw_artist_2", ' ') OR ends_with("_raw_artist_2", ' ') OR starts_with("_raw_artist_2", (chr(9))) OR ends_with("_raw_artist_2", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_2") ELSE "_raw_artist_2" END, '') AS "_text_artist_2",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_3" WHEN starts_with("_raw_artist_3", ' ') OR ends_with("_raw_artist_3", ' ') OR starts_with("_raw_artist_3", (chr(9))) OR ends_with("_raw_artist_3", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_3") ELSE "_raw_artist_3" END, '') AS "_text_artist_3",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_4" WHEN starts_with("_raw_artist_4", ' ') OR ends_with("_raw_artist_4", ' ') OR starts_with("_raw_artist_4", (chr(9))) OR ends_with("_raw_artist_4", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_4") ELSE "_raw_artist_4" END, '') AS "_text_artist_4",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_5" WHEN starts_with("_raw_artist_5", ' ') OR ends_with("_raw_artist_5", ' ') OR starts_with("_raw_artist_5", (chr(9))) OR ends_with("_raw_artist_5", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_5") ELSE "_raw_artist_5" END, '') AS "_text_artist_5",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_6" WHEN starts_with("_raw_artist_6", ' ') OR ends_with("_raw_artist_6", ' ') OR starts_with("_raw_artist_6", (chr(9))) OR ends_with("_raw_artist_6", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_6") ELSE "_raw_artist_6" END, '') AS "_text_artist_6",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_7" WHEN starts_with("_raw_artist_7", ' ') OR ends_with("_raw_artist_7", ' ') OR starts_with("_raw_artist_7", (chr(9))) OR ends_with("_raw_artist_7", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_7") ELSE "_raw_artist_7" END, '') AS "_text_artist_7",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_8" WHEN starts_with("_raw_artist_8", ' ') OR ends_with("_raw_artist_8", ' ') OR starts_with("_raw_artist_8", (chr(9))) OR ends_with("_raw_artist_8", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_8") ELSE "_raw_artist_8" END, '') AS "_text_artist_8",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_9" WHEN starts_with("_raw_artist_9", ' ') OR ends_with("_raw_artist_9", ' ') OR starts_with("_raw_artist_9", (chr(9))) OR ends_with("_raw_artist_9", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_9") ELSE "_raw_artist_9" END, '') AS "_text_artist_9",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_10" WHEN starts_with("_raw_artist_10", ' ') OR ends_with("_raw_artist_10", ' ') OR starts_with("_raw_artist_10", (chr(9))) OR ends_with("_raw_artist_10", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_10") ELSE "_raw_artist_10" END, '') AS "_text_artist_10",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_11" WHEN starts_with("_raw_artist_11", ' ') OR ends_with("_raw_artist_11", ' ') OR starts_with("_raw_artist_11", (chr(9))) OR ends_with("_raw_artist_11", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_11") ELSE "_raw_artist_11" END, '') AS "_text_artist_11",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_duration_sec" WHEN starts_with("_raw_duration_sec", ' ') OR ends_with("_raw_duration_sec", ' ') OR starts_with("_raw_duration_sec", (chr(9))) OR ends_with("_raw_duration_sec", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_duration_sec") ELSE "_raw_duration_sec" END, '') AS "_text_duration_sec"
            FROM (
                SELECT
                    "_source_file",
                    "_line",
                    "_arrival",
                    "_is_header",
                    "_malformed",
                    "_padded",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_0" IS NULL OR "_field_0" = '' THEN NULL WHEN starts_with("_field_0", '"') THEN replace(substr("_field_0", 2, length("_field_0") - 2), '""', '"') ELSE "_field_0" END ELSE NULLIF("_field_0", '') END END AS "_raw_track_name",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_1" IS NULL OR "_field_1" = '' THEN NULL WHEN starts_with("_field_1", '"') THEN replace(substr("_field_1", 2, length("_field_1") - 2), '""', '"') ELSE "_field_1" END ELSE NULLIF("_field_1", '') END END AS "_raw_track_id",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_2" IS NULL OR "_field_2" = '' THEN NULL WHEN starts_with("_field_2", '"') THEN replace(substr("_field_2", 2, length("_field_2") - 2), '""', '"') ELSE "_field_2" END ELSE NULLIF("_field_2", '') END END AS "_raw_track_number",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_3" IS NULL OR "_field_3" = '' THEN NULL WHEN starts_with("_field_3", '"') THEN replace(substr("_field_3", 2, length("_field_3") - 2), '""', '"') ELSE "_field_3" END ELSE NULLIF("_field_3", '') END END AS "_raw_duration_ms",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_4" IS NULL OR "_field_4" = '' THEN NULL WHEN starts_with("_field_4", '"') THEN replace(substr("_field_4", 2, length("_field_4") - 2), '""', '"') ELSE "_field_4" END ELSE NULLIF("_field_4", '') END END AS "_raw_album_type",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_5" IS NULL OR "_field_5" = '' THEN NULL WHEN starts_with("_field_5", '"') THEN replace(substr("_field_5", 2, length("_field_5") - 2), '""', '"') ELSE "_field_5" END ELSE NULLIF("_field_5", '') END END AS "_raw_artists",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_6" IS NULL OR "_field_6" = '' THEN NULL WHEN starts_with("_field_6", '"') THEN replace(substr("_field_6", 2, length("_field_6") - 2), '""', '"') ELSE "_field_6" END ELSE NULLIF("_field_6", '') END END AS "_raw_total_tracks",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_7" IS NULL OR "_field_7" = '' THEN NULL WHEN starts_with("_field_7", '"') THEN replace(substr("_field_7", 2, length("_field_7") - 2), '""', '"') ELSE "_field_7" END ELSE NULLIF("_field_7", '') END END AS "_raw_album_name",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_8" IS NULL OR "_field_8" = '' THEN NULL WHEN starts_with("_field_8", '"') THEN replace(substr("_field_8", 2, length("_field_8") - 2), '""', '"') ELSE "_field_8" END ELSE NULLIF("_field_8", '') END END AS "_raw_release_date",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_9" IS NULL OR "_field_9" = '' THEN NULL WHEN starts_with("_field_9", '"') THEN replace(substr("_field_9", 2, length("_field_9") - 2), '""', '"') ELSE "_field_9" END ELSE NULLIF("_field_9", '') END END AS "_raw_label",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_10" IS NULL OR "_field_10" = '' THEN NULL WHEN starts_with("_field_10", '"') THEN replace(substr("_field_10", 2, length("_field_10") - 2), '""', '"') ELSE "_field_10" END ELSE NULLIF("_field_10", '') END END AS "_raw_album_popularity",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_11" IS NULL OR "_field_11" = '' THEN NULL WHEN starts_with("_field_11", '"') THEN replace(substr("_field_11", 2, length("_field_11") - 2), '""', '"') ELSE "_field_11" END ELSE NULLIF("_field_11", '') END END AS "_raw_album_id",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_12" IS NULL OR "_field_12" = '' THEN NULL WHEN starts_with("_field_12", '"') THEN replace(substr("_field_12", 2, length("_field_12") - 2), '""', '"') ELSE "_field_12" END ELSE NULLIF("_field_12", '') END END AS "_raw_artist_id",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_13" IS NULL OR "_field_13" = '' THEN NULL WHEN starts_with("_field_13", '"') THEN replace(substr("_field_13", 2, length("_field_13") - 2), '""', '"') ELSE "_field_13" END ELSE NULLIF("_field_13", '') END END AS "_raw_artist_0",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_14" IS NULL OR "_field_14" = '' THEN NULL WHEN starts_with("_field_14", '"') THEN replace(substr("_field_14", 2, length("_field_14") - 2), '""', '"') ELSE "_field_14" END ELSE NULLIF("_field_14", '') END END AS "_raw_artist_1",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_15" IS NULL OR "_field_15" = '' THEN NULL WHEN starts_with("_field_15", '"') THEN replace(substr("_field_15", 2, length("_field_15") - 2), '""', '"') ELSE "_field_15" END ELSE NULLIF("_field_15", '') END END AS "_raw_artist_2",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_16" IS NULL OR "_field_16" = '' THEN NULL WHEN starts_with("_field_16", '"') THEN replace(substr("_field_16", 2, length("_field_16") - 2), '""', '"') ELSE "_field_16" END ELSE NULLIF("_field_16", '') END END AS "_raw_artist_3",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_17" IS NULL OR "_field_17" = '' THEN NULL WHEN starts_with("_field_17", '"') THEN replace(substr("_field_17", 2, length("_field_17") - 2), '""', '"') ELSE "_field_17" END ELSE NULLIF("_field_17", '') END END AS "_raw_artist_4",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_18" IS NULL OR "_field_18" = '' THEN NULL WHEN starts_with("_field_18", '"') THEN replace(substr("_field_18", 2, length("_field_18") - 2), '""', '"') ELSE "_field_18" END ELSE NULLIF("_field_18", '') END END AS "_raw_artist_5",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_19" IS NULL OR "_field_19" = '' THEN NULL WHEN starts_with("_field_19", '"') THEN replace(substr("_field_19", 2, length("_field_19") - 2), '""', '"') ELSE "_field_19" END ELSE NULLIF("_field_19", '') END END AS "_raw_artist_6",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_20" IS NULL OR "_field_20" = '' THEN NULL WHEN starts_with("_field_20", '"') THEN replace(substr("_field_20", 2, length("_field_20") - 2), '""', '"') ELSE "_field_20" END ELSE NULLIF("_field_20", '') END END AS "_raw_artist_7",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_21" IS NULL OR "_field_21" = '' THEN NULL WHEN starts_with("_field_21", '"') THEN replace(substr("_field_21", 2, length("_field_21") - 2), '""', '"') ELSE "_field_21" END ELSE NULLIF("_field_21", '') END END AS "_raw_artist_8",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_22" IS NULL OR "_field_22" = '' THEN NULL WHEN starts_with("_field_22", '"') THEN replace(substr("_field_22", 2, length("_field_22") - 2), '""', '"') ELSE "_field_22" END ELSE NULLIF("_field_22", '') END END AS "_raw_artist_9",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_23" IS NULL OR "_field_23" = '' THEN NULL WHEN starts_with("_field_23", '"') THEN replace(substr("_field_23", 2, length("_field_23") - 2), '""', '"') ELSE "_field_23" END ELSE NULLIF("_field_23", '') END END AS "_raw_artist_10",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_24" IS NULL OR "_field_24" = '' THEN NULL WHEN starts_with("_field_24", '"') THEN replace(substr("_field_24", 2, length("_field_24") - 2), '""', '"') ELSE "_field_24" END ELSE NULLIF("_field_24", '') END END AS "_raw_artist_11",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_25" IS NULL OR "_field_25" = '' THEN NULL WHEN starts_with("_field_25", '"') THEN replace(substr("_field_25", 2, length("_field_25") - 2), '""', '"') ELSE "_field_25" END ELSE NULLIF("_field_25", '') END END AS "_raw_duration_sec"
                FROM (
                    SELECT
                        "_source_file",
                        "_line",
                        "_arrival",
                        "_is_header",
                        "_malformed",
                        "_quoted",
                        "_padded",
                        list_extract("_fields", "_position_0") AS "_field_0",
                        list_extract("_fields", "_position_1") AS "_field_1",
                        list_extract("_fields", "_position_2") AS "_field_2",
                        list_extract("_fields", "_position_3") AS "_field_3",
                        list_extract("_fields", "_position_4") AS "_field_4",
                        list_extract("_fields", "_position_5") AS "_field_5",
                        list_extract("_fields", "_position_6") AS "_field_6",
                        list_extract("_fields", "_position_7") AS "_field_7",
                        list_extract("_fields", "_position_8") AS "_field_8",
                        list_extract("_fields", "_position_9") AS "_field_9",
                        list_extract("_fields", "_position_10") AS "_field_10",
                        list_extract("_fields", "_position_11") AS "_field_11",
                        list_extract("_fields", "_position_12") AS "_field_12",
                        list_extract("_fields", "_position_13") AS "_field_13",
                        list_extract("_fields", "_position_14") AS "_field_14",
                        list_extract("_fields", "_position_15") AS "_field_15",
                        list_extract("_fields", "_position_16") AS "_field_16",
                        list_extract("_fields", "_position_17") AS "_field_17",
                        list_extract("_fields", "_position_18") AS "_field_18",
                        list_extract("_fields", "_position_19") AS "_field_19",
                        list_extract("_fields", "_position_20") AS "_field_20",
                        list_extract("_fields", "_position_21") AS "_field_21",
                        list_extract("_fields", "_position_22") AS "_field_22",
                        list_extract("_fields", "_position_23") AS "_field_23",
                        list_extract("_fields", "_position_24") AS "_field_24",
                        list_extract("_fields", "_position_25") AS "_field_25"
                    FROM (
                        SELECT
                            *,
                            (NOT "_valid" OR len("_fields") <> "_field_count") AS "_malformed"
                        FROM (
                            SELECT
                                *,
                                "_first_quote" > 0 AS "_quoted",
                                CASE WHEN INSTR("_line", ' ') = 0 AND INSTR("_line", (chr(9))) = 0 THEN FALSE ELSE regexp_matches("_line", '(?:^|[\,\"])[\x20\x09]|[\x20\x09](?:[\,\"]|\z)') END AS "_padded",
                                CASE WHEN "_first_quote" = 0 THEN string_split("_line", ',') WHEN "_one_quoted_field" THEN list_concat(list_concat(array_pop_back(string_split(substr("_line", 1, "_first_quote" - 1), ',')), list_value(substr("_line", "_first_quote", "_second_quote" - "_first_quote" + 1))), array_pop_front(string_split(substr("_line", "_second_quote" + 1), ','))) ELSE list_transform(regexp_extract_all("_line" || ',', '\"[^\"]*(?:\"\"[^\"]*)*\"\,|[^\,\"][^\,]*\,|\,'), field -> substr(field, 1, length(field) - 1)) END AS "_fields",
                                CASE WHEN "_first_quote" = 0 OR "_one_quoted_field" THEN TRUE ELSE regexp_matches("_line", '^(?:\"[^\"]*(?:\"\"[^\"]*)*\"|[^\,\"][^\,]*|)(?:\,(?:\"[^\"]*(?:\"\"[^\"]*)*\"|[^\,\"][^\,]*|))*\z') END AS "_valid"
                            FROM (
                                SELECT
                                    *,
                                    ("_first_quote" > 0 AND "_second_quote" > "_first_quote" AND INSTR(substr("_line", "_second_quote" + 1), '"') = 0 AND ("_first_quote" = 1 OR substr("_line", "_first_quote" - 1, 1) = ',') AND ("_second_quote" = length("_line") OR substr("_line", "_second_quote" + 1, 1) = ',')) AS "_one_quoted_field"
                                FROM (
                                    SELECT
                                        *,
                                        INSTR("_line", '"') AS "_first_quote",
                                        INSTR("_line", '"') + INSTR(substr("_line", INSTR("_line", '"') + 1), '"') AS "_second_quote"
                                    FROM (
                                        SELECT
                                            lines."_source_file",
                                            lines."_line",
                                            "layout"."_arrival",
                                            "layout"."_field_count",
                                            "layout"."_position_0",
                                            "layout"."_position_1",
                                            "layout"."_position_2",
                                            "layout"."_position_3",
                                            "layout"."_position_4",
                                            "layout"."_position_5",
                                            "layout"."_position_6",
                                            "layout"."_position_7",
                                            "layout"."_position_8",
                                            "layout"."_position_9",
                                            "layout"."_position_10",
                                            "layout"."_position_11",
                                            "layout"."_position_12",
                                            "layout"."_position_13",
                                            "layout"."_position_14",
                                            "layout"."_position_15",
                                            "layout"."_position_16",
                                            "layout"."_position_17",
                                            "layout"."_position_18",
                                            "layout"."_position_19",
                                            "layout"."_position_20",
                                            "layout"."_position_21",
                                            "layout"."_position_22",
                                            "layout"."_position_23",
                                            "layout"."_position_24",
                                            "layout"."_position_25",
                                            coalesce(lines."_line" = "layout"."_header_line", false) AS "_is_header"
                                        FROM (
                                            SELECT
                                                "_source_file",
                                                "_line"
                                            FROM "raw_albums"
                                        ) AS "lines"
                                        JOIN "albums_layout" AS "layout" ON lines."_source_file" = "layout"."_source_file"
                                        WHERE NOT (lines."_line" IS NULL OR regexp_matches(lines."_line", '^[\x00-\x20]*\z'))
                                    ) AS "records"
                                ) AS "quotes"
                            ) AS "quote_shape"
                        ) AS "split"
                    ) AS "checked_split"
                ) AS "parsed"
            ) AS "raw_texts"
        ) AS "texts"
    ) AS "typed"
) AS "checked";

-- step: albums_duplicate_keys (materialized)
SELECT "track_id"
FROM "albums_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NULL
GROUP BY "track_id"
HAVING COUNT(*) > 1;

-- step: albums_clean
SELECT
    "track_name",
    "track_id",
    "track_number",
    "duration_ms",
    "album_type",
    "artists",
    "total_tracks",
    "album_name",
    "release_date",
    "label",
    "album_popularity",
    "album_id",
    "artist_id",
    "artist_0",
    "artist_1",
    "artist_2",
    "artist_3",
    "artist_4",
    "artist_5",
    "artist_6",
    "artist_7",
    "artist_8",
    "artist_9",
    "artist_10",
    "artist_11",
    "duration_sec",
    CAST(year("release_date") AS INT) AS "release_year",
    "_arrival"
FROM (
    SELECT t.* FROM "albums_typed" AS t LEFT JOIN "albums_duplicate_keys" AS d ON t."track_id" = d."track_id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL AND d."track_id" IS NULL
UNION ALL
    SELECT "track_name", "track_id", "track_number", "duration_ms", "album_type", "artists", "total_tracks", "album_name", "release_date", "label", "album_popularity", "album_id", "artist_id", "artist_0", "artist_1", "artist_2", "artist_3", "artist_4", "artist_5", "artist_6", "artist_7", "artist_8", "artist_9", "artist_10", "artist_11", "duration_sec", "_source_file", "_line", "_arrival", "_is_header", "_reject_reason" FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t."track_id" ORDER BY t."album_popularity" DESC NULLS LAST, t."_arrival" DESC, t."_line" ASC) AS "_rank" FROM "albums_typed" AS t JOIN "albums_duplicate_keys" AS d ON t."track_id" = d."track_id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL) AS ranked WHERE "_rank" = 1
) AS kept;

-- step: albums_matched (materialized)
SELECT w."track_name", w."track_id", w."track_number", w."duration_ms", w."album_type", w."artists", w."total_tracks", w."album_name", w."release_date", w."label", w."album_popularity", w."album_id", w."artist_id", w."artist_0", w."artist_1", w."artist_2", w."artist_3", w."artist_4", w."artist_5", w."artist_6", w."artist_7", w."artist_8", w."artist_9", w."artist_10", w."artist_11", w."duration_sec", w."release_year", w."_arrival", w."_file"
FROM "current_albums" AS w
JOIN "albums_clean" AS c ON w."track_id" = c."track_id";

-- step: albums_contest (materialized)
SELECT *, ROW_NUMBER() OVER (PARTITION BY "track_id" ORDER BY "album_popularity" DESC NULLS LAST, "_arrival" DESC, "_incoming" DESC) AS "_rank"
FROM (
    SELECT "track_name", "track_id", "track_number", "duration_ms", "album_type", "artists", "total_tracks", "album_name", "release_date", "label", "album_popularity", "album_id", "artist_id", "artist_0", "artist_1", "artist_2", "artist_3", "artist_4", "artist_5", "artist_6", "artist_7", "artist_8", "artist_9", "artist_10", "artist_11", "duration_sec", "release_year", "_arrival", 0 AS "_incoming", "_file" FROM "albums_matched"
UNION ALL
    SELECT c."track_name", c."track_id", c."track_number", c."duration_ms", c."album_type", c."artists", c."total_tracks", c."album_name", c."release_date", c."label", c."album_popularity", c."album_id", c."artist_id", c."artist_0", c."artist_1", c."artist_2", c."artist_3", c."artist_4", c."artist_5", c."artist_6", c."artist_7", c."artist_8", c."artist_9", c."artist_10", c."artist_11", c."duration_sec", c."release_year", c."_arrival", 1 AS "_incoming", CAST(NULL AS VARCHAR) AS "_file" FROM "albums_clean" AS c JOIN (SELECT DISTINCT "track_id" FROM "albums_matched") AS m ON c."track_id" = m."track_id"
) AS versions;

-- step: albums_upserts
SELECT c."track_name", c."track_id", c."track_number", c."duration_ms", c."album_type", c."artists", c."total_tracks", c."album_name", c."release_date", c."label", c."album_popularity", c."album_id", c."artist_id", c."artist_0", c."artist_1", c."artist_2", c."artist_3", c."artist_4", c."artist_5", c."artist_6", c."artist_7", c."artist_8", c."artist_9", c."artist_10", c."artist_11", c."duration_sec", c."release_year", c."_arrival" FROM "albums_clean" AS c LEFT JOIN (SELECT DISTINCT "track_id" FROM "albums_matched") AS m ON c."track_id" = m."track_id" WHERE m."track_id" IS NULL
UNION ALL
SELECT "track_name", "track_id", "track_number", "duration_ms", "album_type", "artists", "total_tracks", "album_name", "release_date", "label", "album_popularity", "album_id", "artist_id", "artist_0", "artist_1", "artist_2", "artist_3", "artist_4", "artist_5", "artist_6", "artist_7", "artist_8", "artist_9", "artist_10", "artist_11", "duration_sec", "release_year", "_arrival" FROM "albums_contest" WHERE "_incoming" = 1 AND "_rank" = 1;

-- step: albums_replaced
SELECT "track_id", "_file" FROM "albums_contest" WHERE "_incoming" = 0 AND "_rank" > 1;

-- step: albums_removed_files
SELECT DISTINCT "_file" FROM "albums_replaced";

-- step: albums_kept
SELECT w."track_name", w."track_id", w."track_number", w."duration_ms", w."album_type", w."artists", w."total_tracks", w."album_name", w."release_date", w."label", w."album_popularity", w."album_id", w."artist_id", w."artist_0", w."artist_1", w."artist_2", w."artist_3", w."artist_4", w."artist_5", w."artist_6", w."artist_7", w."artist_8", w."artist_9", w."artist_10", w."artist_11", w."duration_sec", w."release_year", w."_arrival"
FROM "current_albums" AS w
JOIN "albums_removed_files" AS f ON w."_file" = f."_file"
LEFT JOIN "albums_replaced" AS r ON w."track_id" = r."track_id" AND w."_file" = r."_file"
WHERE r."track_id" IS NULL;

-- step: albums_rejects
SELECT
    "_source_file",
    "_line",
    "_reject_reason"
FROM "albums_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL;

-- step: albums_metrics (materialized)
SELECT 'files_read' AS "metric", CAST(NULL AS VARCHAR) AS "reason", COUNT(*) AS "rows" FROM "albums_layout"
UNION ALL
SELECT 'lines_read', CAST(NULL AS VARCHAR), COUNT(*) FROM "albums_typed"
UNION ALL
SELECT 'header_lines', CAST(NULL AS VARCHAR), COUNT(CASE WHEN "_is_header" THEN 1 END) FROM "albums_typed"
UNION ALL
SELECT 'rows_read', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" THEN 1 END) FROM "albums_typed"
UNION ALL
SELECT 'rows_written', CAST(NULL AS VARCHAR), COUNT(*) FROM "albums_upserts"
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" AND "_reject_reason" IS NOT NULL THEN 1 END) FROM "albums_typed"
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS VARCHAR), (SELECT COUNT(*) FROM "albums_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NULL) - (SELECT COUNT(*) FROM "albums_upserts")
UNION ALL
SELECT 'rows_replaced', CAST(NULL AS VARCHAR), COUNT(*) FROM "albums_replaced"
UNION ALL
SELECT 'rejected', "_reject_reason", COUNT(*) FROM "albums_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL GROUP BY "_reject_reason"
UNION ALL
SELECT 'file_rows', l."_source_file", coalesce(r."rows", 0) FROM "albums_layout" AS l LEFT JOIN (SELECT "_source_file", COUNT(*) AS "rows" FROM "albums_typed" WHERE NOT "_is_header" GROUP BY "_source_file") AS r ON l."_source_file" = r."_source_file";

