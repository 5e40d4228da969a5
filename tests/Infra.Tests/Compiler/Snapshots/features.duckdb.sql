-- step: features_layout (materialized)
SELECT
    "_source_file",
    "_arrival",
    "_header_line",
    "_header_valid",
    CASE WHEN "_header_line" IS NULL THEN NULL ELSE len("_names") END AS "_field_count",
    list_position("_names", 'danceability') AS "_position_0",
    len(list_filter("_names", element -> element = 'danceability')) AS "_count_0",
    list_position("_names", 'energy') AS "_position_1",
    len(list_filter("_names", element -> element = 'energy')) AS "_count_1",
    list_position("_names", 'key') AS "_position_2",
    len(list_filter("_names", element -> element = 'key')) AS "_count_2",
    list_position("_names", 'loudness') AS "_position_3",
    len(list_filter("_names", element -> element = 'loudness')) AS "_count_3",
    list_position("_names", 'mode') AS "_position_4",
    len(list_filter("_names", element -> element = 'mode')) AS "_count_4",
    list_position("_names", 'speechiness') AS "_position_5",
    len(list_filter("_names", element -> element = 'speechiness')) AS "_count_5",
    list_position("_names", 'acousticness') AS "_position_6",
    len(list_filter("_names", element -> element = 'acousticness')) AS "_count_6",
    list_position("_names", 'instrumentalness') AS "_position_7",
    len(list_filter("_names", element -> element = 'instrumentalness')) AS "_count_7",
    list_position("_names", 'liveness') AS "_position_8",
    len(list_filter("_names", element -> element = 'liveness')) AS "_count_8",
    list_position("_names", 'valence') AS "_position_9",
    len(list_filter("_names", element -> element = 'valence')) AS "_count_9",
    list_position("_names", 'tempo') AS "_position_10",
    len(list_filter("_names", element -> element = 'tempo')) AS "_count_10",
    list_position("_names", 'type') AS "_position_11",
    len(list_filter("_names", element -> element = 'type')) AS "_count_11",
    list_position("_names", 'id') AS "_position_12",
    len(list_filter("_names", element -> element = 'id')) AS "_count_12",
    list_position("_names", 'uri') AS "_position_13",
    len(list_filter("_names", element -> element = 'uri')) AS "_count_13",
    list_position("_names", 'track_href') AS "_position_14",
    len(list_filter("_names", element -> element = 'track_href')) AS "_count_14",
    list_position("_names", 'analysis_url') AS "_position_15",
    len(list_filter("_names", element -> element = 'analysis_url')) AS "_count_15",
    list_position("_names", 'duration_ms') AS "_position_16",
    len(list_filter("_names", element -> element = 'duration_ms')) AS "_count_16",
    list_position("_names", 'time_signature') AS "_position_17",
    len(list_filter("_names", element -> element = 'time_signature')) AS "_count_17"
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
        FROM "files_features"
    ) AS "header"
) AS "split";

-- step: features_problems
SELECT "_source_file", "_source_file" || ': the header line does not follow the CSV rules (a quote inside an unquoted name, or an unclosed quote); fix the file''s first line. It reads: ' || "_header_line" AS "message" FROM "features_layout" WHERE "_header_line" IS NOT NULL AND NOT "_header_valid"
UNION ALL
SELECT "_source_file", "_source_file" || ': the header has no column ' || missing || ' (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: ' || "_header_line" AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_position_0" IS NULL THEN 'danceability' END, CASE WHEN "_position_1" IS NULL THEN 'energy' END, CASE WHEN "_position_2" IS NULL THEN 'key' END, CASE WHEN "_position_3" IS NULL THEN 'loudness' END, CASE WHEN "_position_4" IS NULL THEN 'mode' END, CASE WHEN "_position_5" IS NULL THEN 'speechiness' END, CASE WHEN "_position_6" IS NULL THEN 'acousticness' END, CASE WHEN "_position_7" IS NULL THEN 'instrumentalness' END, CASE WHEN "_position_8" IS NULL THEN 'liveness' END, CASE WHEN "_position_9" IS NULL THEN 'valence' END, CASE WHEN "_position_10" IS NULL THEN 'tempo' END, CASE WHEN "_position_11" IS NULL THEN 'type' END, CASE WHEN "_position_12" IS NULL THEN 'id' END, CASE WHEN "_position_13" IS NULL THEN 'uri' END, CASE WHEN "_position_14" IS NULL THEN 'track_href' END, CASE WHEN "_position_15" IS NULL THEN 'analysis_url' END, CASE WHEN "_position_16" IS NULL THEN 'duration_ms' END, CASE WHEN "_position_17" IS NULL THEN 'time_signature' END) AS missing FROM "features_layout" WHERE "_header_line" IS NOT NULL AND "_header_valid") AS layout WHERE missing <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': the header names ' || repeated || ' more than once (ignoring case), so the column to read is unclear; rename one of them in the file.' AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_count_0" > 1 THEN 'danceability' END, CASE WHEN "_count_1" > 1 THEN 'energy' END, CASE WHEN "_count_2" > 1 THEN 'key' END, CASE WHEN "_count_3" > 1 THEN 'loudness' END, CASE WHEN "_count_4" > 1 THEN 'mode' END, CASE WHEN "_count_5" > 1 THEN 'speechiness' END, CASE WHEN "_count_6" > 1 THEN 'acousticness' END, CASE WHEN "_count_7" > 1 THEN 'instrumentalness' END, CASE WHEN "_count_8" > 1 THEN 'liveness' END, CASE WHEN "_count_9" > 1 THEN 'valence' END, CASE WHEN "_count_10" > 1 THEN 'tempo' END, CASE WHEN "_count_11" > 1 THEN 'type' END, CASE WHEN "_count_12" > 1 THEN 'id' END, CASE WHEN "_count_13" > 1 THEN 'uri' END, CASE WHEN "_count_14" > 1 THEN 'track_href' END, CASE WHEN "_count_15" > 1 THEN 'analysis_url' END, CASE WHEN "_count_16" > 1 THEN 'duration_ms' END, CASE WHEN "_count_17" > 1 THEN 'time_signature' END) AS repeated FROM "features_layout" WHERE "_header_line" IS NOT NULL) AS layout WHERE repeated <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': holds text that is not valid utf-8 (the replacement character U+FFFD); set the table''s source encoding to the files'' encoding (utf-8, latin-1 or utf-16), or fix the file.' AS "message" FROM (SELECT DISTINCT "_source_file" FROM "raw_features" WHERE INSTR("_line", (chr(65533))) > 0) AS files;

-- step: features_typed (materialized)
SELECT
    "danceability",
    "energy",
    "key",
    "loudness",
    "mode",
    "speechiness",
    "acousticness",
    "instrumentalness",
    "liveness",
    "valence",
    "tempo",
    "type",
    "id",
    "uri",
    "track_href",
    "analysis_url",
    "duration_ms",
    "time_signature",
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
            WHEN "_text_danceability" IS NOT NULL AND ("danceability" IS NULL OR ABS("danceability") > 1.7976931348623157E308) THEN 'bad_type:danceability'
            WHEN "danceability" < 0 OR "danceability" > 1 THEN 'out_of_range:danceability'
            WHEN "_text_energy" IS NOT NULL AND ("energy" IS NULL OR ABS("energy") > 1.7976931348623157E308) THEN 'bad_type:energy'
            WHEN "energy" < 0 OR "energy" > 1 THEN 'out_of_range:energy'
            WHEN "_text_key" IS NOT NULL AND "key" IS NULL THEN 'bad_type:key'
            WHEN "key" < -1 OR "key" > 11 THEN 'out_of_range:key'
            WHEN "_text_loudness" IS NOT NULL AND ("loudness" IS NULL OR ABS("loudness") > 1.7976931348623157E308) THEN 'bad_type:loudness'
            WHEN "loudness" < -60 OR "loudness" > 5 THEN 'out_of_range:loudness'
            WHEN "_text_mode" IS NOT NULL AND "mode" IS NULL THEN 'bad_type:mode'
            WHEN NOT ("_text_mode" = '0' OR "_text_mode" = '1') THEN 'not_allowed:mode'
            WHEN "_text_speechiness" IS NOT NULL AND ("speechiness" IS NULL OR ABS("speechiness") > 1.7976931348623157E308) THEN 'bad_type:speechiness'
            WHEN "speechiness" < 0 OR "speechiness" > 1 THEN 'out_of_range:speechiness'
            WHEN "_text_acousticness" IS NOT NULL AND ("acousticness" IS NULL OR ABS("acousticness") > 1.7976931348623157E308) THEN 'bad_type:acousticness'
            WHEN "acousticness" < 0 OR "acousticness" > 1 THEN 'out_of_range:acousticness'
            WHEN "_text_instrumentalness" IS NOT NULL AND ("instrumentalness" IS NULL OR ABS("instrumentalness") > 1.7976931348623157E308) THEN 'bad_type:instrumentalness'
            WHEN "instrumentalness" < 0 OR "instrumentalness" > 1 THEN 'out_of_range:instrumentalness'
            WHEN "_text_liveness" IS NOT NULL AND ("liveness" IS NULL OR ABS("liveness") > 1.7976931348623157E308) THEN 'bad_type:liveness'
            WHEN "liveness" < 0 OR "liveness" > 1 THEN 'out_of_range:liveness'
            WHEN "_text_valence" IS NOT NULL AND ("valence" IS NULL OR ABS("valence") > 1.7976931348623157E308) THEN 'bad_type:valence'
            WHEN "valence" < 0 OR "valence" > 1 THEN 'out_of_range:valence'
            WHEN "_text_tempo" IS NOT NULL AND ("tempo" IS NULL OR ABS("tempo") > 1.7976931348623157E308) THEN 'bad_type:tempo'
            WHEN "tempo" < 0 OR "tempo" > 300 THEN 'out_of_range:tempo'
            WHEN NOT ("_text_type" = 'audio_features') THEN 'not_allowed:type'
            WHEN ("_text_id" IS NULL OR "_text_id" = '') THEN 'missing_required:id'
            WHEN NOT (regexp_matches("_text_id", '^[0-9A-Za-z]{22}\z')) THEN 'pattern_mismatch:id'
            WHEN "_text_duration_ms" IS NOT NULL AND "duration_ms" IS NULL THEN 'bad_type:duration_ms'
            WHEN "duration_ms" < 0 THEN 'out_of_range:duration_ms'
            WHEN "_text_time_signature" IS NOT NULL AND "time_signature" IS NULL THEN 'bad_type:time_signature'
            WHEN "time_signature" < 0 OR "time_signature" > 7 THEN 'out_of_range:time_signature'
        END AS "_reject_reason"
    FROM (
        SELECT
            *,
            CASE WHEN regexp_matches("_text_danceability", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_danceability" AS DOUBLE) END AS "danceability",
            CASE WHEN regexp_matches("_text_energy", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_energy" AS DOUBLE) END AS "energy",
            CASE WHEN regexp_matches("_text_key", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_key" AS INTEGER) END AS "key",
            CASE WHEN regexp_matches("_text_loudness", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_loudness" AS DOUBLE) END AS "loudness",
            CASE WHEN regexp_matches("_text_mode", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_mode" AS INTEGER) END AS "mode",
            CASE WHEN regexp_matches("_text_speechiness", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_speechiness" AS DOUBLE) END AS "speechiness",
            CASE WHEN regexp_matches("_text_acousticness", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_acousticness" AS DOUBLE) END AS "acousticness",
            CASE WHEN regexp_matches("_text_instrumentalness", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_instrumentalness" AS DOUBLE) END AS "instrumentalness",
            CASE WHEN regexp_matches("_text_liveness", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_liveness" AS DOUBLE) END AS "liveness",
            CASE WHEN regexp_matches("_text_valence", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_valence" AS DOUBLE) END AS "valence",
            CASE WHEN regexp_matches("_text_tempo", '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?\z') THEN TRY_CAST("_text_tempo" AS DOUBLE) END AS "tempo",
            "_text_type" AS "type",
            "_text_id" AS "id",
            "_text_uri" AS "uri",
            "_text_track_href" AS "track_href",
            "_text_analysis_url" AS "analysis_url",
            CASE WHEN regexp_matches("_text_duration_ms", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_duration_ms" AS BIGINT) END AS "duration_ms",
            CASE WHEN regexp_matches("_text_time_signature", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_time_signature" AS INTEGER) END AS "time_signature"
        FROM (
            SELECT
                *,
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_danceability" WHEN starts_with("_raw_danceability", ' ') OR ends_with("_raw_danceability", ' ') OR starts_with("_raw_danceability", (chr(9))) OR ends_with("_raw_danceability", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_danceability") ELSE "_raw_danceability" END, '') AS "_text_danceability",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_energy" WHEN starts_with("_raw_energy", ' ') OR ends_with("_raw_energy", ' ') OR starts_with("_raw_energy", (chr(9))) OR ends_with("_raw_energy", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_energy") ELSE "_raw_energy" END, '') AS "_text_energy",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_key" WHEN starts_with("_raw_key", ' ') OR ends_with("_raw_key", ' ') OR starts_with("_raw_key", (chr(9))) OR ends_with("_raw_key", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_key") ELSE "_raw_key" END, '') AS "_text_key",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_loudness" WHEN starts_with("_raw_loudness", ' ') OR ends_with("_raw_loudness", ' ') OR starts_with("_raw_loudness", (chr(9))) OR ends_with("_raw_loudness", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_loudness") ELSE "_raw_loudness" END, '') AS "_text_loudness",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_mode" WHEN starts_with("_raw_mode", ' ') OR ends_with("_raw_mode", ' ') OR starts_with("_raw_mode", (chr(9))) OR ends_with("_raw_mode", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_mode") ELSE "_raw_mode" END, '') AS "_text_mode",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_speechiness" WHEN starts_with("_raw_speechiness", ' ') OR ends_with("_raw_speechiness", ' ') OR starts_with("_raw_speechiness", (chr(9))) OR ends_with("_raw_speechiness", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_speechiness") ELSE "_raw_speechiness" END, '') AS "_text_speechiness",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_acousticness" WHEN starts_with("_raw_acousticness", ' ') OR ends_with("_raw_acousticness", ' ') OR starts_with("_raw_acousticness", (chr(9))) OR ends_with("_raw_acousticness", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_acousticness") ELSE "_raw_acousticness" END, '') AS "_text_acousticness",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_instrumentalness" WHEN starts_with("_raw_instrumentalness", ' ') OR ends_with("_raw_instrumentalness", ' ') OR starts_with("_raw_instrumentalness", (chr(9))) OR ends_with("_raw_instrumentalness", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_instrumentalness") ELSE "_raw_instrumentalness" END, '') AS "_text_instrumentalness",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_liveness" WHEN starts_with("_raw_liveness", ' ') OR ends_with("_raw_liveness", ' ') OR starts_with("_raw_liveness", (chr(9))) OR ends_with("_raw_liveness", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_liveness") ELSE "_raw_liveness" END, '') AS "_text_liveness",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_valence" WHEN starts_with("_raw_valence", ' ') OR ends_with("_raw_valence", ' ') OR starts_with("_raw_valence", (chr(9))) OR ends_with("_raw_valence", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_valence") ELSE "_raw_valence" END, '') AS "_text_valence",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_tempo" WHEN starts_with("_raw_tempo", ' ') OR ends_with("_raw_tempo", ' ') OR starts_with("_raw_tempo", (chr(9))) OR ends_with("_raw_tempo", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_tempo") ELSE "_raw_tempo" END, '') AS "_text_tempo",
                CASE WHEN strlen(CASE WHEN NOT "_padded" THEN "_raw_type" WHEN starts_with("_raw_type", ' ') OR ends_with("_raw_type", ' ') OR starts_with("_raw_type", (chr(9))) OR ends_with("_raw_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_type") ELSE "_raw_type" END) = length(CASE WHEN NOT "_padded" THEN "_raw_type" WHEN starts_with("_raw_type", ' ') OR ends_with("_raw_type", ' ') OR starts_with("_raw_type", (chr(9))) OR ends_with("_raw_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_type") ELSE "_raw_type" END) THEN lower(CASE WHEN NOT "_padded" THEN "_raw_type" WHEN starts_with("_raw_type", ' ') OR ends_with("_raw_type", ' ') OR starts_with("_raw_type", (chr(9))) OR ends_with("_raw_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_type") ELSE "_raw_type" END) ELSE translate(CASE WHEN NOT "_padded" THEN "_raw_type" WHEN starts_with("_raw_type", ' ') OR ends_with("_raw_type", ' ') OR starts_with("_raw_type", (chr(9))) OR ends_with("_raw_type", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_type") ELSE "_raw_type" END, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END AS "_text_type",
                CASE WHEN NOT "_padded" THEN "_raw_id" WHEN starts_with("_raw_id", ' ') OR ends_with("_raw_id", ' ') OR starts_with("_raw_id", (chr(9))) OR ends_with("_raw_id", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_id") ELSE "_raw_id" END AS "_text_id",
                CASE WHEN NOT "_padded" THEN "_raw_uri" WHEN starts_with("_raw_uri", ' ') OR ends_with("_raw_uri", ' ') OR starts_with("_raw_uri", (chr(9))) OR ends_with("_raw_uri", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_uri") ELSE "_raw_uri" END AS "_text_uri",
                CASE WHEN NOT "_padded" THEN "_raw_track_href" WHEN starts_with("_raw_track_href", ' ') OR ends_with("_raw_track_href", ' ') OR starts_with("_raw_track_href", (chr(9))) OR ends_with("_raw_track_href", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_track_href") ELSE "_raw_track_href" END AS "_text_track_href",
                CASE WHEN NOT "_padded" THEN "_raw_analysis_url" WHEN starts_with("_raw_analysis_url", ' ') OR ends_with("_raw_analysis_url", ' ') OR starts_with("_raw_analysis_url", (chr(9))) OR ends_with("_raw_analysis_url", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_analysis_url") ELSE "_raw_analysis_url" END AS "_text_analysis_url",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_duration_ms" WHEN starts_with("_raw_duration_ms", ' ') OR ends_with("_raw_duration_ms", ' ') OR starts_with("_raw_duration_ms", (chr(9))) OR ends_with("_raw_duration_ms", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_duration_ms") ELSE "_raw_duration_ms" END, '') AS "_text_duration_ms",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_time_signature" WHEN starts_with("_raw_time_signature", ' ') OR ends_with("_raw_time_signature", ' ') OR starts_with("_raw_time_signature", (chr(9))) OR ends_with("_raw_time_signature", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_time_signature") ELSE "_raw_time_signature" END, '') AS "_text_time_signature"
            FROM (
                SELECT
                    "_source_file",
                    "_line",
                    "_arrival",
                    "_is_header",
                    "_malformed",
                    "_padded",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_0" IS NULL OR "_field_0" = '' THEN NULL WHEN starts_with("_field_0", '"') THEN replace(substr("_field_0", 2, length("_field_0") - 2), '""', '"') ELSE "_field_0" END ELSE NULLIF("_field_0", '') END END AS "_raw_danceability",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_1" IS NULL OR "_field_1" = '' THEN NULL WHEN starts_with("_field_1", '"') THEN replace(substr("_field_1", 2, length("_field_1") - 2), '""', '"') ELSE "_field_1" END ELSE NULLIF("_field_1", '') END END AS "_raw_energy",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_2" IS NULL OR "_field_2" = '' THEN NULL WHEN starts_with("_field_2", '"') THEN replace(substr("_field_2", 2, length("_field_2") - 2), '""', '"') ELSE "_field_2" END ELSE NULLIF("_field_2", '') END END AS "_raw_key",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_3" IS NULL OR "_field_3" = '' THEN NULL WHEN starts_with("_field_3", '"') THEN replace(substr("_field_3", 2, length("_field_3") - 2), '""', '"') ELSE "_field_3" END ELSE NULLIF("_field_3", '') END END AS "_raw_loudness",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_4" IS NULL OR "_field_4" = '' THEN NULL WHEN starts_with("_field_4", '"') THEN replace(substr("_field_4", 2, length("_field_4") - 2), '""', '"') ELSE "_field_4" END ELSE NULLIF("_field_4", '') END END AS "_raw_mode",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_5" IS NULL OR "_field_5" = '' THEN NULL WHEN starts_with("_field_5", '"') THEN replace(substr("_field_5", 2, length("_field_5") - 2), '""', '"') ELSE "_field_5" END ELSE NULLIF("_field_5", '') END END AS "_raw_speechiness",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_6" IS NULL OR "_field_6" = '' THEN NULL WHEN starts_with("_field_6", '"') THEN replace(substr("_field_6", 2, length("_field_6") - 2), '""', '"') ELSE "_field_6" END ELSE NULLIF("_field_6", '') END END AS "_raw_acousticness",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_7" IS NULL OR "_field_7" = '' THEN NULL WHEN starts_with("_field_7", '"') THEN replace(substr("_field_7", 2, length("_field_7") - 2), '""', '"') ELSE "_field_7" END ELSE NULLIF("_field_7", '') END END AS "_raw_instrumentalness",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_8" IS NULL OR "_field_8" = '' THEN NULL WHEN starts_with("_field_8", '"') THEN replace(substr("_field_8", 2, length("_field_8") - 2), '""', '"') ELSE "_field_8" END ELSE NULLIF("_field_8", '') END END AS "_raw_liveness",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_9" IS NULL OR "_field_9" = '' THEN NULL WHEN starts_with("_field_9", '"') THEN replace(substr("_field_9", 2, length("_field_9") - 2), '""', '"') ELSE "_field_9" END ELSE NULLIF("_field_9", '') END END AS "_raw_valence",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_10" IS NULL OR "_field_10" = '' THEN NULL WHEN starts_with("_field_10", '"') THEN replace(substr("_field_10", 2, length("_field_10") - 2), '""', '"') ELSE "_field_10" END ELSE NULLIF("_field_10", '') END END AS "_raw_tempo",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_11" IS NULL OR "_field_11" = '' THEN NULL WHEN starts_with("_field_11", '"') THEN replace(substr("_field_11", 2, length("_field_11") - 2), '""', '"') ELSE "_field_11" END ELSE NULLIF("_field_11", '') END END AS "_raw_type",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_12" IS NULL OR "_field_12" = '' THEN NULL WHEN starts_with("_field_12", '"') THEN replace(substr("_field_12", 2, length("_field_12") - 2), '""', '"') ELSE "_field_12" END ELSE NULLIF("_field_12", '') END END AS "_raw_id",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_13" IS NULL OR "_field_13" = '' THEN NULL WHEN starts_with("_field_13", '"') THEN replace(substr("_field_13", 2, length("_field_13") - 2), '""', '"') ELSE "_field_13" END ELSE NULLIF("_field_13", '') END END AS "_raw_uri",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_14" IS NULL OR "_field_14" = '' THEN NULL WHEN starts_with("_field_14", '"') THEN replace(substr("_field_14", 2, length("_field_14") - 2), '""', '"') ELSE "_field_14" END ELSE NULLIF("_field_14", '') END END AS "_raw_track_href",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_15" IS NULL OR "_field_15" = '' THEN NULL WHEN starts_with("_field_15", '"') THEN replace(substr("_field_15", 2, length("_field_15") - 2), '""', '"') ELSE "_field_15" END ELSE NULLIF("_field_15", '') END END AS "_raw_analysis_url",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_16" IS NULL OR "_field_16" = '' THEN NULL WHEN starts_with("_field_16", '"') THEN replace(substr("_field_16", 2, length("_field_16") - 2), '""', '"') ELSE "_field_16" END ELSE NULLIF("_field_16", '') END END AS "_raw_duration_ms",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_17" IS NULL OR "_field_17" = '' THEN NULL WHEN starts_with("_field_17", '"') THEN replace(substr("_field_17", 2, length("_field_17") - 2), '""', '"') ELSE "_field_17" END ELSE NULLIF("_field_17", '') END END AS "_raw_time_signature"
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
                        list_extract("_fields", "_position_17") AS "_field_17"
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
                                            coalesce(lines."_line" = "layout"."_header_line", false) AS "_is_header"
                                        FROM (
                                            SELECT
                                                "_source_file",
                                                "_line"
                                            FROM "raw_features"
                                        ) AS "lines"
                                        JOIN "features_layout" AS "layout" ON lines."_source_file" = "layout"."_source_file"
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

-- step: features_duplicate_keys (materialized)
SELECT "id"
FROM "features_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NULL
GROUP BY "id"
HAVING COUNT(*) > 1;

-- step: features_clean
SELECT
    "danceability",
    "energy",
    "key",
    "loudness",
    "mode",
    "speechiness",
    "acousticness",
    "instrumentalness",
    "liveness",
    "valence",
    "tempo",
    "type",
    "id",
    "uri",
    "track_href",
    "analysis_url",
    "duration_ms",
    "time_signature",
    "_arrival"
FROM (
    SELECT t.* FROM "features_typed" AS t LEFT JOIN "features_duplicate_keys" AS d ON t."id" = d."id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL AND d."id" IS NULL
UNION ALL
    SELECT "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "type", "id", "uri", "track_href", "analysis_url", "duration_ms", "time_signature", "_source_file", "_line", "_arrival", "_is_header", "_reject_reason" FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t."id" ORDER BY t."_arrival" DESC, t."_line" ASC) AS "_rank" FROM "features_typed" AS t JOIN "features_duplicate_keys" AS d ON t."id" = d."id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL) AS ranked WHERE "_rank" = 1
) AS kept;

-- step: features_matched (materialized)
SELECT w."danceability", w."energy", w."key", w."loudness", w."mode", w."speechiness", w."acousticness", w."instrumentalness", w."liveness", w."valence", w."tempo", w."type", w."id", w."uri", w."track_href", w."analysis_url", w."duration_ms", w."time_signature", w."_arrival", w."_file"
FROM "current_features" AS w
JOIN "features_clean" AS c ON w."id" = c."id";

-- step: features_contest (materialized)
SELECT *, ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "_arrival" DESC, "_incoming" DESC) AS "_rank"
FROM (
    SELECT "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "type", "id", "uri", "track_href", "analysis_url", "duration_ms", "time_signature", "_arrival", 0 AS "_incoming", "_file" FROM "features_matched"
UNION ALL
    SELECT c."danceability", c."energy", c."key", c."loudness", c."mode", c."speechiness", c."acousticness", c."instrumentalness", c."liveness", c."valence", c."tempo", c."type", c."id", c."uri", c."track_href", c."analysis_url", c."duration_ms", c."time_signature", c."_arrival", 1 AS "_incoming", CAST(NULL AS VARCHAR) AS "_file" FROM "features_clean" AS c JOIN (SELECT DISTINCT "id" FROM "features_matched") AS m ON c."id" = m."id"
) AS versions;

-- step: features_upserts
SELECT c."danceability", c."energy", c."key", c."loudness", c."mode", c."speechiness", c."acousticness", c."instrumentalness", c."liveness", c."valence", c."tempo", c."type", c."id", c."uri", c."track_href", c."analysis_url", c."duration_ms", c."time_signature", c."_arrival" FROM "features_clean" AS c LEFT JOIN (SELECT DISTINCT "id" FROM "features_matched") AS m ON c."id" = m."id" WHERE m."id" IS NULL
UNION ALL
SELECT "danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness", "instrumentalness", "liveness", "valence", "tempo", "type", "id", "uri", "track_href", "analysis_url", "duration_ms", "time_signature", "_arrival" FROM "features_contest" WHERE "_incoming" = 1 AND "_rank" = 1;

-- step: features_replaced
SELECT "id", "_file" FROM "features_contest" WHERE "_incoming" = 0 AND "_rank" > 1;

-- step: features_removed_files
SELECT DISTINCT "_file" FROM "features_replaced";

-- step: features_kept
SELECT w."danceability", w."energy", w."key", w."loudness", w."mode", w."speechiness", w."acousticness", w."instrumentalness", w."liveness", w."valence", w."tempo", w."type", w."id", w."uri", w."track_href", w."analysis_url", w."duration_ms", w."time_signature", w."_arrival"
FROM "current_features" AS w
JOIN "features_removed_files" AS f ON w."_file" = f."_file"
LEFT JOIN "features_replaced" AS r ON w."id" = r."id" AND w."_file" = r."_file"
WHERE r."id" IS NULL;

-- step: features_rejects
SELECT
    "_source_file",
    "_line",
    "_reject_reason"
FROM "features_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL;

-- step: features_metrics (materialized)
SELECT 'files_read' AS "metric", CAST(NULL AS VARCHAR) AS "reason", COUNT(*) AS "rows" FROM "features_layout"
UNION ALL
SELECT 'lines_read', CAST(NULL AS VARCHAR), COUNT(*) FROM "features_typed"
UNION ALL
SELECT 'header_lines', CAST(NULL AS VARCHAR), COUNT(CASE WHEN "_is_header" THEN 1 END) FROM "features_typed"
UNION ALL
SELECT 'rows_read', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" THEN 1 END) FROM "features_typed"
UNION ALL
SELECT 'rows_written', CAST(NULL AS VARCHAR), COUNT(*) FROM "features_upserts"
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" AND "_reject_reason" IS NOT NULL THEN 1 END) FROM "features_typed"
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS VARCHAR), (SELECT COUNT(*) FROM "features_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NULL) - (SELECT COUNT(*) FROM "features_upserts")
UNION ALL
SELECT 'rows_replaced', CAST(NULL AS VARCHAR), COUNT(*) FROM "features_replaced"
UNION ALL
SELECT 'rejected', "_reject_reason", COUNT(*) FROM "features_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL GROUP BY "_reject_reason"
UNION ALL
SELECT 'file_rows', l."_source_file", coalesce(r."rows", 0) FROM "features_layout" AS l LEFT JOIN (SELECT "_source_file", COUNT(*) AS "rows" FROM "features_typed" WHERE NOT "_is_header" GROUP BY "_source_file") AS r ON l."_source_file" = r."_source_file";

