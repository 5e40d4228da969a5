-- step: tracks_layout (materialized)
SELECT
    "_source_file",
    "_arrival",
    "_header_line",
    "_header_valid",
    CASE WHEN "_header_line" IS NULL THEN NULL ELSE len("_names") END AS "_field_count",
    list_position("_names", 'id') AS "_position_0",
    len(list_filter("_names", element -> element = 'id')) AS "_count_0",
    list_position("_names", 'track_popularity') AS "_position_1",
    len(list_filter("_names", element -> element = 'track_popularity')) AS "_count_1",
    list_position("_names", 'explicit') AS "_position_2",
    len(list_filter("_names", element -> element = 'explicit')) AS "_count_2"
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
        FROM "files_tracks"
    ) AS "header"
) AS "split";

-- step: tracks_problems
SELECT "_source_file", "_source_file" || ': the header line does not follow the CSV rules (a quote inside an unquoted name, or an unclosed quote); fix the file''s first line. It reads: ' || "_header_line" AS "message" FROM "tracks_layout" WHERE "_header_line" IS NOT NULL AND NOT "_header_valid"
UNION ALL
SELECT "_source_file", "_source_file" || ': the header has no column ' || missing || ' (header names are matched ignoring case); rename the column in the file, or set from: on the column to the name the file uses. The header reads: ' || "_header_line" AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_position_0" IS NULL THEN 'id' END, CASE WHEN "_position_1" IS NULL THEN 'track_popularity' END, CASE WHEN "_position_2" IS NULL THEN 'explicit' END) AS missing FROM "tracks_layout" WHERE "_header_line" IS NOT NULL AND "_header_valid") AS layout WHERE missing <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': the header names ' || repeated || ' more than once (ignoring case), so the column to read is unclear; rename one of them in the file.' AS "message" FROM (SELECT *, concat_ws(', ', CASE WHEN "_count_0" > 1 THEN 'id' END, CASE WHEN "_count_1" > 1 THEN 'track_popularity' END, CASE WHEN "_count_2" > 1 THEN 'explicit' END) AS repeated FROM "tracks_layout" WHERE "_header_line" IS NOT NULL) AS layout WHERE repeated <> ''
UNION ALL
SELECT "_source_file", "_source_file" || ': holds text that is not valid utf-8 (the replacement character U+FFFD); set the table''s source encoding to the files'' encoding (utf-8, latin-1 or utf-16), or fix the file.' AS "message" FROM (SELECT DISTINCT "_source_file" FROM "raw_tracks" WHERE INSTR("_line", (chr(65533))) > 0) AS files;

-- step: tracks_typed (materialized)
SELECT
    "id",
    "track_popularity",
    "explicit",
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
            WHEN "_text_track_popularity" IS NULL THEN 'missing_required:track_popularity'
            WHEN "_text_track_popularity" IS NOT NULL AND "track_popularity" IS NULL THEN 'bad_type:track_popularity'
            WHEN "track_popularity" < 0 OR "track_popularity" > 100 THEN 'out_of_range:track_popularity'
            WHEN "_text_explicit" IS NOT NULL AND "explicit" IS NULL THEN 'bad_type:explicit'
        END AS "_reject_reason"
    FROM (
        SELECT
            *,
            "_text_id" AS "id",
            CASE WHEN regexp_matches("_text_track_popularity", '^[+-]?[0-9]+\z') THEN TRY_CAST("_text_track_popularity" AS INTEGER) END AS "track_popularity",
            CASE WHEN (CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'true' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 't' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = '1' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'yes' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'y') THEN TRUE WHEN (CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'false' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'f' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = '0' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'no' OR CASE WHEN strlen("_text_explicit") = length("_text_explicit") THEN lower("_text_explicit") ELSE translate("_text_explicit", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') END = 'n') THEN FALSE END AS "explicit"
        FROM (
            SELECT
                *,
                CASE WHEN NOT "_padded" THEN "_raw_id" WHEN starts_with("_raw_id", ' ') OR ends_with("_raw_id", ' ') OR starts_with("_raw_id", (chr(9))) OR ends_with("_raw_id", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_id") ELSE "_raw_id" END AS "_text_id",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_track_popularity" WHEN starts_with("_raw_track_popularity", ' ') OR ends_with("_raw_track_popularity", ' ') OR starts_with("_raw_track_popularity", (chr(9))) OR ends_with("_raw_track_popularity", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_track_popularity") ELSE "_raw_track_popularity" END, '') AS "_text_track_popularity",
                NULLIF(CASE WHEN NOT "_padded" THEN "_raw_explicit" WHEN starts_with("_raw_explicit", ' ') OR ends_with("_raw_explicit", ' ') OR starts_with("_raw_explicit", (chr(9))) OR ends_with("_raw_explicit", (chr(9))) THEN TRIM(BOTH (' ' || chr(9)) FROM "_raw_explicit") ELSE "_raw_explicit" END, '') AS "_text_explicit"
            FROM (
                SELECT
                    "_source_file",
                    "_line",
                    "_arrival",
                    "_is_header",
                    "_malformed",
                    "_padded",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_0" IS NULL OR "_field_0" = '' THEN NULL WHEN starts_with("_field_0", '"') THEN replace(substr("_field_0", 2, length("_field_0") - 2), '""', '"') ELSE "_field_0" END ELSE NULLIF("_field_0", '') END END AS "_raw_id",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_1" IS NULL OR "_field_1" = '' THEN NULL WHEN starts_with("_field_1", '"') THEN replace(substr("_field_1", 2, length("_field_1") - 2), '""', '"') ELSE "_field_1" END ELSE NULLIF("_field_1", '') END END AS "_raw_track_popularity",
                    CASE WHEN "_malformed" THEN NULL ELSE CASE WHEN "_quoted" THEN CASE WHEN "_field_2" IS NULL OR "_field_2" = '' THEN NULL WHEN starts_with("_field_2", '"') THEN replace(substr("_field_2", 2, length("_field_2") - 2), '""', '"') ELSE "_field_2" END ELSE NULLIF("_field_2", '') END END AS "_raw_explicit"
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
                        list_extract("_fields", "_position_2") AS "_field_2"
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
                                            coalesce(lines."_line" = "layout"."_header_line", false) AS "_is_header"
                                        FROM (
                                            SELECT
                                                "_source_file",
                                                "_line"
                                            FROM "raw_tracks"
                                        ) AS "lines"
                                        JOIN "tracks_layout" AS "layout" ON lines."_source_file" = "layout"."_source_file"
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

-- step: tracks_duplicate_keys (materialized)
SELECT "id"
FROM "tracks_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NULL
GROUP BY "id"
HAVING COUNT(*) > 1;

-- step: tracks_clean
SELECT
    "id",
    "track_popularity",
    "explicit",
    "_arrival"
FROM (
    SELECT t.* FROM "tracks_typed" AS t LEFT JOIN "tracks_duplicate_keys" AS d ON t."id" = d."id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL AND d."id" IS NULL
UNION ALL
    SELECT "id", "track_popularity", "explicit", "_source_file", "_line", "_arrival", "_is_header", "_reject_reason" FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t."id" ORDER BY t."track_popularity" DESC NULLS LAST, t."_arrival" DESC, t."_line" ASC) AS "_rank" FROM "tracks_typed" AS t JOIN "tracks_duplicate_keys" AS d ON t."id" = d."id" WHERE NOT t."_is_header" AND t."_reject_reason" IS NULL) AS ranked WHERE "_rank" = 1
) AS kept;

-- step: tracks_matched (materialized)
SELECT w."id", w."track_popularity", w."explicit", w."_arrival", w."_file"
FROM "current_tracks" AS w
JOIN "tracks_clean" AS c ON w."id" = c."id";

-- step: tracks_contest (materialized)
SELECT *, ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "track_popularity" DESC NULLS LAST, "_arrival" DESC, "_incoming" DESC) AS "_rank"
FROM (
    SELECT "id", "track_popularity", "explicit", "_arrival", 0 AS "_incoming", "_file" FROM "tracks_matched"
UNION ALL
    SELECT c."id", c."track_popularity", c."explicit", c."_arrival", 1 AS "_incoming", CAST(NULL AS VARCHAR) AS "_file" FROM "tracks_clean" AS c JOIN (SELECT DISTINCT "id" FROM "tracks_matched") AS m ON c."id" = m."id"
) AS versions;

-- step: tracks_upserts
SELECT c."id", c."track_popularity", c."explicit", c."_arrival" FROM "tracks_clean" AS c LEFT JOIN (SELECT DISTINCT "id" FROM "tracks_matched") AS m ON c."id" = m."id" WHERE m."id" IS NULL
UNION ALL
SELECT "id", "track_popularity", "explicit", "_arrival" FROM "tracks_contest" WHERE "_incoming" = 1 AND "_rank" = 1;

-- step: tracks_replaced
SELECT "id", "_file" FROM "tracks_contest" WHERE "_incoming" = 0 AND "_rank" > 1;

-- step: tracks_removed_files
SELECT DISTINCT "_file" FROM "tracks_replaced";

-- step: tracks_kept
SELECT w."id", w."track_popularity", w."explicit", w."_arrival"
FROM "current_tracks" AS w
JOIN "tracks_removed_files" AS f ON w."_file" = f."_file"
LEFT JOIN "tracks_replaced" AS r ON w."id" = r."id" AND w."_file" = r."_file"
WHERE r."id" IS NULL;

-- step: tracks_rejects
SELECT
    "_source_file",
    "_line",
    "_reject_reason"
FROM "tracks_typed"
WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL;

-- step: tracks_metrics (materialized)
SELECT 'files_read' AS "metric", CAST(NULL AS VARCHAR) AS "reason", COUNT(*) AS "rows" FROM "tracks_layout"
UNION ALL
SELECT 'lines_read', CAST(NULL AS VARCHAR), COUNT(*) FROM "tracks_typed"
UNION ALL
SELECT 'header_lines', CAST(NULL AS VARCHAR), COUNT(CASE WHEN "_is_header" THEN 1 END) FROM "tracks_typed"
UNION ALL
SELECT 'rows_read', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" THEN 1 END) FROM "tracks_typed"
UNION ALL
SELECT 'rows_written', CAST(NULL AS VARCHAR), COUNT(*) FROM "tracks_upserts"
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS VARCHAR), COUNT(CASE WHEN NOT "_is_header" AND "_reject_reason" IS NOT NULL THEN 1 END) FROM "tracks_typed"
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS VARCHAR), (SELECT COUNT(*) FROM "tracks_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NULL) - (SELECT COUNT(*) FROM "tracks_upserts")
UNION ALL
SELECT 'rows_replaced', CAST(NULL AS VARCHAR), COUNT(*) FROM "tracks_replaced"
UNION ALL
SELECT 'rejected', "_reject_reason", COUNT(*) FROM "tracks_typed" WHERE NOT "_is_header" AND "_reject_reason" IS NOT NULL GROUP BY "_reject_reason"
UNION ALL
SELECT 'file_rows', l."_source_file", coalesce(r."rows", 0) FROM "tracks_layout" AS l LEFT JOIN (SELECT "_source_file", COUNT(*) AS "rows" FROM "tracks_typed" WHERE NOT "_is_header" GROUP BY "_source_file") AS r ON l."_source_file" = r."_source_file";

