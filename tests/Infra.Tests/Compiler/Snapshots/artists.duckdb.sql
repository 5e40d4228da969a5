-- step: artists_layout (materialized)
SELECT
    "_source_file",
    "_arrival",
    "_header_line",
    "_header_valid",
    CASE WHEN "_header_line" IS NULL THEN NULL ELSE len("_names") END AS "_field_count",
    list_position("_names", 'id') AS "_position_0",
    len(list_filter("_names", element -> element = 'id')) AS "_count_0",
    list_position("_names", 'name') AS "_position_1",
    len(list_filter("_names", element -> element = 'name')) AS "_count_1",
    list_position("_names", 'artist_popularity') AS "_position_2",
    len(list_filter("_names", element -> element = 'artist_popularity')) AS "_count_2",
    list_position("_names", 'artist_genres') AS "_position_3",
    len(list_filter("_names", element -> element = 'artist_genres')) AS "_count_3",
    list_position("_names", 'followers') AS "_position_4",
    len(list_filter("_names", element -> element = 'followers')) AS "_count_4",
    list_position("_names", 'genre_0') AS "_position_5",
    len(list_filter("_names", element -> element = 'genre_0')) AS "_count_5",
    list_position("_names", 'genre_1') AS "_position_6",
    len(list_filter("_names", element -> element = 'genre_1')) AS "_count_6",
    list_position("_names", 'genre_2') AS "_position_7",
    len(list_filter("_names", element -> element = 'genre_2')) AS "_count_7",
    list_position("_names", 'genre_3') AS "_position_8",
    len(list_filter("_names", element -> element = 'genre_3')) AS "_count_8",
    list_position("_names", 'genre_4') AS "_position_9",
    len(list_filter("_names", element -> element = 'genre_4')) AS "_count_9",
    list_position("_names", 'genre_5') AS "_position_10",
    len(list_filter("_names", element -> element = 'genre_5')) AS "_count_10",
    list_position("_names", 'genre_6') AS "_position_11",
    len(list_filter("_names", element -> element = 'genre_6')) AS "_count_11"
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
        FROM "files_artists"
    ) AS "header"
) AS "split";

-- step: artists_problems
SELECT "_source_file", "_source_file" || ': the header line does not follow the CSV rules (a quote inside an unquoted name, or an unclosed quote); fix the file''s first line. It reads: ' || "_header_line" AS "message" FROM "artists_layout" WHERE "_header_line" IS NOT NULL AND NOT "_header_valid"
UNION ALL
SELECT "_source_file", "_source_file" || ': the header has no column ' || missing || ' (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: ' || "_header_line" AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_position_0" IS NULL THEN 'id' END, CASE WHEN "_position_1" IS NULL THEN 'name' END, CASE WHEN "_position_2" IS NULL THEN 'artist_popularity' END, CASE WHEN "_position_3" IS NULL THEN 'artist_genres' END, CASE WHEN "_position_4" IS NULL THEN 'followers' END, CASE WHEN "_position_5" IS NULL THEN 'genre_0' END, CASE WHEN "_position_6" IS NULL THEN 'genre_1' END, CASE WHEN "_position_7" IS NULL THEN 'genre_2' END, CASE WHEN "_position_8" IS NULL THEN 'genre_3' END, CASE WHEN "_position_9" IS NULL THEN 'genre_4' END, CASE WHEN "_position_10" IS NULL THEN 'genre_5' END, CASE WHEN "_position_11" IS NULL THEN 'genre_6' END) AS missing FROM "artists_layout" WHERE "_header_line" IS NOT NULL AND "_header_valid") AS layout WHERE missing <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': the header names ' || repeated || ' more than once (ignoring case), so the column to read is unclear; rename one of them in the file.' AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_count_0" > 1 THEN 'id' END, CASE WHEN "_count_1" > 1 THEN 'name' END, CASE WHEN "_count_2" > 1 THEN 'artist_popularity' END, CASE WHEN "_count_3" > 1 THEN 'artist_genres' END, CASE WHEN "_count_4" > 1 THEN 'followers' END, CASE WHEN "_count_5" > 1 THEN 'genre_0' END, CASE WHEN "_count_6" > 1 THEN 'genre_1' END, CASE WHEN "_count_7" > 1 THEN 'genre_2' END, CASE WHEN "_count_8" > 1 THEN 'genre_3' END, CASE WHEN "_count_9" > 1 THEN 'genre_4' END, CASE WHEN "_count_10" > 1 THEN 'genre_5' END, CASE WHEN "_count_11" > 1 THEN 'genre_6' END) AS repeated FROM "artists_layout" WHERE "_header_line" IS NOT NULL) AS layout WHERE repeated <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': holds text that is not valid utf-8 (the replacement character U+FFFD); set the table''s source encoding to the files'' encoding (utf-8, latin-1 or utf-16), or fix the file.' AS "message" FROM (SELECT DISTINCT "_source_file" FROM "raw_artists" WHERE INSTR("_line", (chr(65533))) > 0) AS files;

-- step: artists_typed (materialized)
SELECT
    "id",
    "name",
    "artist_popularity",
    "artist_genres",
    "followers",
    "genre_0",
    "genre_1",
    "genre_2",
    "genre_3",
    "genre_4",
    "genre_5",
    "genre_6",
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
            WHEN ("_text_id" IS NULL OR "_text_id" = '') THEN 'missing_required:id'
            WHEN NOT (regexp_matches("_text_id", '^[0-9A-Za-z]{22}\z')) THEN 'pattern_mismatch:id'
            WHEN "_text_name" IS NULL THEN 'missing_required:name'
            WHEN "_text_artist_popularity" IS NOT NULL AND "artist_popularity" IS NULL THEN 'bad_type:artist_popularity'
            WHEN "artist_popularity" < 0 OR "artist_popularity" > 100 THEN 'out_of_range:artist_popularity'
            WHEN "_text_followers" IS NOT NULL AND "followers" IS NULL THEN 'bad_type:followers'
            WHEN "followers" < 0 THEN 'out_of_range:followers'
        END AS "_reject_reason"
    FROM (
        SELECT
            *,
            "_text_id" AS "id",
            "_text_name" AS "name",
            CASE WHEN regexp_matches("_text_artist_popularity", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_artist_popularity" AS INTEGER) END AS "artist_popularity",
            "_text_artist_genres" AS "artist_genres",
            CASE WHEN regexp_matches("_text_followers", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_followers" AS BIGINT) END AS "followers",
            "_text_genre_0" AS "genre_0",
            "_text_genre_1" AS "genre_1",
            "_text_genre_2" AS "genre_2",
            "_text_genre_3" AS "genre_3",
            "_text_genre_4" AS "genre_4",
            "_text_genre_5" AS "genre_5",
            "_text_genre_6" AS "genre_6"
        FROM (
            SELECT
                *,
                CASE WHEN NOT "_padded" THEN "_raw_id" WHEN starts_with("_raw_id", ' ') OR ends_with("_raw_id", ' ') OR starts_with("_raw_id", (chr(9))) OR ends_with("_raw_id", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_id") ELSE "_raw_id" END AS "_text_id",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_name" WHEN starts_with("_raw_name", ' ') OR ends_with("_raw_name", ' ') OR starts_with("_raw_name", (chr(9))) OR ends_with("_raw_name", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_name") ELSE "_raw_name" END, '') AS "_text_name",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_artist_popularity" WHEN starts_with("_raw_artist_popularity", ' ') OR ends_with("_raw_artist_popularity", ' ') OR starts_with("_raw_artist_popularity", (chr(9))) OR ends_with("_raw_artist_popularity", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_artist_popularity") ELSE "_raw_artist_popularity" END, '') AS "_text_artist_popularity",
                "_raw_artist_genres" AS "_text_artist_genres",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_followers" WHEN starts_with("_raw_followers", ' ') OR ends_with("_raw_followers", ' ') OR starts_with("_raw_followers", (chr(9))) OR ends_with("_raw_followers", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_followers") ELSE "_raw_followers" END, '') AS "_text_followers",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_0" WHEN starts_with("_raw_genre_0", ' ') OR ends_with("_raw_genre_0", ' ') OR starts_with("_raw_genre_0", (chr(9))) OR ends_with("_raw_genre_0", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_0") ELSE "_raw_genre_0" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_0" WHEN starts_with("_raw_genre_0", ' ') OR ends_with("_raw_genre_0", ' ') OR starts_with("_raw_genre_0", (chr(9))) OR ends_with("_raw_genre_0", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_0") ELSE "_raw_genre_0" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_0" WHEN starts_with("_raw_genre_0", ' ') OR ends_with("_raw_genre_0", ' ') OR starts_with("_raw_genre_0", (chr(9))) OR ends_with("_raw_genre_0", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_0") ELSE "_raw_genre_0" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_0" WHEN starts_with("_raw_genre_0", ' ') OR ends_with("_raw_genre_0", ' ') OR starts_with("_raw_genre_0", (chr(9))) OR ends_with("_raw_genre_0", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_0") ELSE "_raw_genre_0" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_0",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_1" WHEN starts_with("_raw_genre_1", ' ') OR ends_with("_raw_genre_1", ' ') OR starts_with("_raw_genre_1", (chr(9))) OR ends_with("_raw_genre_1", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_1") ELSE "_raw_genre_1" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_1" WHEN starts_with("_raw_genre_1", ' ') OR ends_with("_raw_genre_1", ' ') OR starts_with("_raw_genre_1", (chr(9))) OR ends_with("_raw_genre_1", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_1") ELSE "_raw_genre_1" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_1" WHEN starts_with("_raw_genre_1", ' ') OR ends_with("_raw_genre_1", ' ') OR starts_with("_raw_genre_1", (chr(9))) OR ends_with("_raw_genre_1", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_1") ELSE "_raw_genre_1" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_1" WHEN starts_with("_raw_genre_1", ' ') OR ends_with("_raw_genre_1", ' ') OR starts_with("_raw_genre_1", (chr(9))) OR ends_with("_raw_genre_1", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_1") ELSE "_raw_genre_1" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_1",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_2" WHEN starts_with("_raw_genre_2", ' ') OR ends_with("_raw_genre_2", ' ') OR starts_with("_raw_genre_2", (chr(9))) OR ends_with("_raw_genre_2", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_2") ELSE "_raw_genre_2" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_2" WHEN starts_with("_raw_genre_2", ' ') OR ends_with("_raw_genre_2", ' ') OR starts_with("_raw_genre_2", (chr(9))) OR ends_with("_raw_genre_2", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_2") ELSE "_raw_genre_2" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_2" WHEN starts_with("_raw_genre_2", ' ') OR ends_with("_raw_genre_2", ' ') OR starts_with("_raw_genre_2", (chr(9))) OR ends_with("_raw_genre_2", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_2") ELSE "_raw_genre_2" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_2" WHEN starts_with("_raw_genre_2", ' ') OR ends_with("_raw_genre_2", ' ') OR starts_with("_raw_genre_2", (chr(9))) OR ends_with("_raw_genre_2", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_2") ELSE "_raw_genre_2" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_2",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_3" WHEN starts_with("_raw_genre_3", ' ') OR ends_with("_raw_genre_3", ' ') OR starts_with("_raw_genre_3", (chr(9))) OR ends_with("_raw_genre_3", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_3") ELSE "_raw_genre_3" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_3" WHEN starts_with("_raw_genre_3", ' ') OR ends_with("_raw_genre_3", ' ') OR starts_with("_raw_genre_3", (chr(9))) OR ends_with("_raw_genre_3", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_3") ELSE "_raw_genre_3" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_3" WHEN starts_with("_raw_genre_3", ' ') OR ends_with("_raw_genre_3", ' ') OR starts_with("_raw_genre_3", (chr(9))) OR ends_with("_raw_genre_3", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_3") ELSE "_raw_genre_3" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_3" WHEN starts_with("_raw_genre_3", ' ') OR ends_with("_raw_genre_3", ' ') OR starts_with("_raw_genre_3", (chr(9))) OR ends_with("_raw_genre_3", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_3") ELSE "_raw_genre_3" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_3",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_4" WHEN starts_with("_raw_genre_4", ' ') OR ends_with("_raw_genre_4", ' ') OR starts_with("_raw_genre_4", (chr(9))) OR ends_with("_raw_genre_4", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_4") ELSE "_raw_genre_4" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_4" WHEN starts_with("_raw_genre_4", ' ') OR ends_with("_raw_genre_4", ' ') OR starts_with("_raw_genre_4", (chr(9))) OR ends_with("_raw_genre_4", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_4") ELSE "_raw_genre_4" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_4" WHEN starts_with("_raw_genre_4", ' ') OR ends_with("_raw_genre_4", ' ') OR starts_with("_raw_genre_4", (chr(9))) OR ends_with("_raw_genre_4", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_4") ELSE "_raw_genre_4" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_4" WHEN starts_with("_raw_genre_4", ' ') OR ends_with("_raw_genre_4", ' ') OR starts_with("_raw_genre_4", (chr(9))) OR ends_with("_raw_genre_4", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_4") ELSE "_raw_genre_4" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_4",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_5" WHEN starts_with("_raw_genre_5", ' ') OR ends_with("_raw_genre_5", ' ') OR starts_with("_raw_genre_5", (chr(9))) OR ends_with("_raw_genre_5", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_5") ELSE "_raw_genre_5" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_5" WHEN starts_with("_raw_genre_5", ' ') OR ends_with("_raw_genre_5", ' ') OR starts_with("_raw_genre_5", (chr(9))) OR ends_with("_raw_genre_5", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_5") ELSE "_raw_genre_5" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_5" WHEN starts_with("_raw_genre_5", ' ') OR ends_with("_raw_genre_5", ' ') OR starts_with("_raw_genre_5", (chr(9))) OR ends_with("_raw_genre_5", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_5") ELSE "_raw_genre_5" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_5" WHEN starts_with("_raw_genre_5", ' ') OR ends_with("_raw_genre_5", ' ') OR starts_with("_raw_genre_5", (chr(9))) OR ends_with("_raw_genre_5", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_5") ELSE "_raw_genre_5" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_5",
                NULLIF(CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_genre_6" WHEN starts_with("_raw_genre_6", ' ') OR ends_with("_raw_genre_6", ' ') OR starts_with("_raw_genre_6", (chr(9))) OR ends_with("_raw_genre_6", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_6") ELSE "_raw_genre_6" END) = length(CASE WHEN NOT "_padded" THEN "_raw_genre_6" WHEN starts_with("_raw_genre_6", ' ') OR ends_with("_raw_genre_6", ' ') OR starts_with("_raw_genre_6", (chr(9))) OR ends_with("_raw_genre_6", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_6") ELSE "_raw_genre_6" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_genre_6" WHEN starts_with("_raw_genre_6", ' ') OR ends_with("_raw_genre_6", ' ') OR starts_with("_raw_genre_6", (chr(9))) OR ends_with("_raw_genre_6", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_6") ELSE "_raw_genre_6" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_genre_6" WHEN starts_with("_raw_genre_6", ' ') OR ends_with("_raw_genre_6", ' ') OR starts_with("_raw_genre_6", (chr(9))) OR ends_with("_raw_genre_6", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_genre_6") ELSE "_raw_genre_6" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END, '') AS "_text_genre_6"
            FROM (
                SELECT
                    "_source_file",
                    "_line",
                    "_arrival",
                    "_is_header",
                    "_malformed",
                    "_padded",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_0" IS NULL OR "_field_0" = '' THEN NULL WHEN starts_with("_field_0", '"') THEN replace(substr("_field_0", 2, length("_field_0") - 2), '""', '"') ELSE "_field_0" END ELSE NULLIF("_field_0", '') END END AS "_raw_id",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_1" IS NULL OR "_field_1" = '' THEN NULL WHEN starts_with("_field_1", '"') THEN replace(substr("_field_1", 2, length("_field_1") - 2), '""', '"') ELSE "_field_1" END ELSE NULLIF("_field_1", '') END END AS "_raw_name",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_2" IS NULL OR "_field_2" = '' THEN NULL WHEN starts_with("_field_2", '"') THEN replace(substr("_field_2", 2, length("_field_2") - 2), '""', '"') ELSE "_field_2" END ELSE NULLIF("_field_2", '') END END AS "_raw_artist_popularity",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_3" IS NULL OR "_field_3" = '' THEN NULL WHEN starts_with("_field_3", '"') THEN replace(substr("_field_3", 2, length("_field_3") - 2), '""', '"') ELSE "_field_3" END ELSE NULLIF("_field_3", '') END END AS "_raw_artist_genres",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_4" IS NULL OR "_field_4" = '' THEN NULL WHEN starts_with("_field_4", '"') THEN replace(substr("_field_4", 2, length("_field_4") - 2), '""', '"') ELSE "_field_4" END ELSE NULLIF("_field_4", '') END END AS "_raw_followers",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_5" IS NULL OR "_field_5" = '' THEN NULL WHEN starts_with("_field_5", '"') THEN replace(substr("_field_5", 2, length("_field_5") - 2), '""', '"') ELSE "_field_5" END ELSE NULLIF("_field_5", '') END END AS "_raw_genre_0",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_6" IS NULL OR "_field_6" = '' THEN NULL WHEN starts_with("_field_6", '"') THEN replace(substr("_field_6", 2, length("_field_6") - 2), '""', '"') ELSE "_field_6" END ELSE NULLIF("_field_6", '') END END AS "_raw_genre_1",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_7" IS NULL OR "_field_7" = '' THEN NULL WHEN starts_with("_field_7", '"') THEN replace(substr("_field_7", 2, length("_field_7") - 2), '""', '"') ELSE "_field_7" END ELSE NULLIF("_field_7", '') END END AS "_raw_genre_2",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_8" IS NULL OR "_field_8" = '' THEN NULL WHEN starts_with("_field_8", '"') THEN replace(substr("_field_8", 2, length("_field_8") - 2), '""', '"') ELSE "_field_8" END ELSE NULLIF("_field_8", '') END END AS "_raw_genre_3",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_9" IS NULL OR "_field_9" = '' THEN NULL WHEN starts_with("_field_9", '"') THEN replace(substr("_field_9", 2, length("_field_9") - 2), '""', '"') ELSE "_field_9" END ELSE NULLIF("_field_9", '') END END AS "_raw_genre_4",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_10" IS NULL OR "_field_10" = '' THEN NULL WHEN starts_with("_field_10", '"') THEN replace(substr("_field_10", 2, length("_field_10") - 2), '""', '"') ELSE "_field_10" END ELSE NULLIF("_field_10", '') END END AS "_raw_genre_5",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_11" IS NULL OR "_field_11" = '' THEN NULL WHEN starts_with("_field_11", '"') THEN replace(substr("_field_11", 2, length("_field_11") - 2), '""', '"') ELSE "_field_11" END ELSE NULLIF("_field_11", '') END END AS "_raw_genre_6"
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
                        list_extract("_fields", "_position_11") AS "_field_11"
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
                                            coalesce(lines."_line" = "layout"."_header_line", false) AS "_is_header"
                                        FROM (
                                            SELECT
                                                "_source_file",
                                                "_line"
                                            FROM "raw_artists"
                                        ) AS "lines"
                                        JOIN "artists_layout" AS "layout" ON lines."_source_file" = "layout"."_source_file"
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

-- step: artists_duplicate_keys (materialized)
SELECT "id"
FROM "artists_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NULL
GROUP BY "id"
HAVING COUNT(*) > 1;

-- step: artists_clean
SELECT
    "id",
    "name",
    "artist_popularity",
    "artist_genres",
    "followers",
    "genre_0",
    "genre_1",
    "genre_2",
    "genre_3",
    "genre_4",
    "genre_5",
    "genre_6",
    "_arrival"
FROM (
    SELECT t.* FROM "artists_typed" AS t LEFT JOIN "artists_duplicate_keys" AS d ON t."id" = d."id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL AND d."id" IS NULL
UNION ALL
    SELECT "id", "name", "artist_popularity", "artist_genres", "followers", "genre_0", "genre_1", "genre_2", "genre_3", "genre_4", "genre_5", "genre_6", "_source_file", "_line", "_arrival", "_is_header", "_reject_reason" FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t."id" ORDER BY t."followers" DESC NULLS LAST, t."_arrival" DESC, t."_line" ASC) AS "_rank" FROM "artists_typed" AS t JOIN "artists_duplicate_keys" AS d ON t."id" = d."id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL) AS ranked WHERE "_rank" = 1
) AS kept;

-- step: artists_matched (materialized)
SELECT w."id", w."name", w."artist_popularity", w."artist_genres", w."followers", w."genre_0", w."genre_1", w."genre_2", w."genre_3", w."genre_4", w."genre_5", w."genre_6", w."_arrival", w."_file"
FROM "current_artists" AS w
JOIN "artists_clean" AS c ON w."id" = c."id";

-- step: artists_contest (materialized)
SELECT *, ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "followers" DESC NULLS LAST, "_arrival" DESC, "_incoming" DESC) AS "_rank"
FROM (
    SELECT "id", "name", "artist_popularity", "artist_genres", "followers", "genre_0", "genre_1", "genre_2", "genre_3", "genre_4", "genre_5", "genre_6", "_arrival", 0 AS "_incoming", "_file" FROM "artists_matched"
UNION ALL
    SELECT c."id", c."name", c."artist_popularity", c."artist_genres", c."followers", c."genre_0", c."genre_1", c."genre_2", c."genre_3", c."genre_4", c."genre_5", c."genre_6", c."_arrival", 1 AS "_incoming", CAST(NULL AS VARCHAR) AS "_file" FROM "artists_clean" AS c JOIN (SELECT DISTINCT "id" FROM "artists_matched") AS m ON c."id" = m."id"
) AS versions;

-- step: artists_upserts
SELECT c."id", c."name", c."artist_popularity", c."artist_genres", c."followers", c."genre_0", c."genre_1", c."genre_2", c."genre_3", c."genre_4", c."genre_5", c."genre_6", c."_arrival" FROM "artists_clean" AS c LEFT JOIN (SELECT DISTINCT "id" FROM "artists_matched") AS m ON c."id" = m."id" WHERE m."id" IS NULL
UNION ALL
SELECT "id", "name", "artist_popularity", "artist_genres", "followers", "genre_0", "genre_1", "genre_2", "genre_3", "genre_4", "genre_5", "genre_6", "_arrival" FROM "artists_contest" WHERE "_incoming" = 1 AND "_rank" = 1;

-- step: artists_replaced
SELECT "id", "_file" FROM "artists_contest" WHERE "_incoming" = 0 AND "_rank" > 1;

-- step: artists_removed_files
SELECT DISTINCT "_file" FROM "artists_replaced";

-- step: artists_kept
SELECT w."id", w."name", w."artist_popularity", w."artist_genres", w."followers", w."genre_0", w."genre_1", w."genre_2", w."genre_3", w."genre_4", w."genre_5", w."genre_6", w."_arrival"
FROM "current_artists" AS w
JOIN "artists_removed_files" AS f ON w."_file" = f."_file"
LEFT JOIN "artists_replaced" AS r ON w."id" = r."id" AND w."_file" = r."_file"
WHERE r."id" IS NULL;

-- step: artists_rejects
SELECT
    "_source_file",
    "_line",
    "_reject_reason"
FROM "artists_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL;

-- step: artists_metrics (materialized)
SELECT 'files_read' AS "metric", CAST(NULL AS VARCHAR) AS "reason", COUNT(*) AS "rows" FROM "artists_layout"
UNION ALL
SELECT 'lines_read', CAST(NULL AS VARCHAR), COUNT(*) FROM "artists_typed"
UNION ALL
SELECT 'header_lines', CAST(NULL AS VARCHAR), COUNT(CASE WHEN "_is_header" THEN 1 END) FROM "artists_typed"
UNION ALL
SELECT 'rows_read', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" THEN 1 END) FROM "artists_typed"
UNION ALL
SELECT 'rows_written', CAST(NULL AS VARCHAR), COUNT(*) FROM "artists_upserts"
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" AND "_reject_reason" IS NOT NULL THEN 1 END) FROM "artists_typed"
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS VARCHAR), (SELECT COUNT(*) FROM "artists_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NULL) - (SELECT COUNT(*) FROM "artists_upserts")
UNION ALL
SELECT 'rows_replaced', CAST(NULL AS VARCHAR), COUNT(*) FROM "artists_replaced"
UNION ALL
SELECT 'rejected', "_reject_reason", COUNT(*) FROM "artists_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL GROUP BY "_reject_reason"
UNION ALL
SELECT 'file_rows', l."_source_file", coalesce(r."rows", 0) FROM "artists_layout" AS l LEFT JOIN (SELECT "_source_file", COUNT(*) AS "rows" FROM "artists_typed" WHERE NOT "_is_header" GROUP BY "_source_file") AS r ON l."_source_file" = r."_source_file";

