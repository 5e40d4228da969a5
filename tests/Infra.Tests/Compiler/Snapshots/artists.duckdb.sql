-- step: artists_checked (materialized)
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
    "_raw_id",
    "_raw_name",
    "_raw_artist_popularity",
    "_raw_artist_genres",
    "_raw_followers",
    "_raw_genre_0",
    "_raw_genre_1",
    "_raw_genre_2",
    "_raw_genre_3",
    "_raw_genre_4",
    "_raw_genre_5",
    "_raw_genre_6",
    "_corrupt_record",
    "_reject_reason",
    CASE WHEN "_reject_reason" IS NULL THEN ROW_NUMBER() OVER (PARTITION BY ("_reject_reason" IS NULL), "id" ORDER BY "followers" DESC NULLS LAST, "_raw_id" ASC NULLS LAST, "_raw_name" ASC NULLS LAST, "_raw_artist_popularity" ASC NULLS LAST, "_raw_artist_genres" ASC NULLS LAST, "_raw_followers" ASC NULLS LAST, "_raw_genre_0" ASC NULLS LAST, "_raw_genre_1" ASC NULLS LAST, "_raw_genre_2" ASC NULLS LAST, "_raw_genre_3" ASC NULLS LAST, "_raw_genre_4" ASC NULLS LAST, "_raw_genre_5" ASC NULLS LAST, "_raw_genre_6" ASC NULLS LAST) END AS "_duplicate_rank"
FROM (
    SELECT
        *,
        CASE
            WHEN "_corrupt_record" IS NOT NULL THEN 'malformed_row'
            WHEN ("_text_id" IS NULL OR "_text_id" = '') THEN 'missing_required:id'
            WHEN NOT (regexp_matches("_text_id", '^[0-9A-Za-z]{22}$')) THEN 'pattern_mismatch:id'
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
            CASE WHEN regexp_matches("_text_artist_popularity", '^[+-]?[0-9]+$') THEN TRY_CAST("_text_artist_popularity" AS INTEGER) END AS "artist_popularity",
            "_text_artist_genres" AS "artist_genres",
            CASE WHEN regexp_matches("_text_followers", '^[+-]?[0-9]+$') THEN TRY_CAST("_text_followers" AS BIGINT) END AS "followers",
            "_text_genre_0" AS "genre_0",
            "_text_genre_1" AS "genre_1",
            "_text_genre_2" AS "genre_2",
            "_text_genre_3" AS "genre_3",
            "_text_genre_4" AS "genre_4",
            "_text_genre_5" AS "genre_5",
            "_text_genre_6" AS "genre_6"
        FROM (
            SELECT
                "id" AS "_raw_id",
                "name" AS "_raw_name",
                "artist_popularity" AS "_raw_artist_popularity",
                "artist_genres" AS "_raw_artist_genres",
                "followers" AS "_raw_followers",
                "genre_0" AS "_raw_genre_0",
                "genre_1" AS "_raw_genre_1",
                "genre_2" AS "_raw_genre_2",
                "genre_3" AS "_raw_genre_3",
                "genre_4" AS "_raw_genre_4",
                "genre_5" AS "_raw_genre_5",
                "genre_6" AS "_raw_genre_6",
                TRIM("id") AS "_text_id",
                NULLIF(TRIM("name"), '') AS "_text_name",
                NULLIF(TRIM("artist_popularity"), '') AS "_text_artist_popularity",
                "artist_genres" AS "_text_artist_genres",
                NULLIF(TRIM("followers"), '') AS "_text_followers",
                NULLIF(LOWER(TRIM("genre_0")), '') AS "_text_genre_0",
                NULLIF(LOWER(TRIM("genre_1")), '') AS "_text_genre_1",
                NULLIF(LOWER(TRIM("genre_2")), '') AS "_text_genre_2",
                NULLIF(LOWER(TRIM("genre_3")), '') AS "_text_genre_3",
                NULLIF(LOWER(TRIM("genre_4")), '') AS "_text_genre_4",
                NULLIF(LOWER(TRIM("genre_5")), '') AS "_text_genre_5",
                NULLIF(LOWER(TRIM("genre_6")), '') AS "_text_genre_6",
                "_corrupt_record"
            FROM "raw_artists"
        ) AS "texts"
    ) AS "typed"
) AS "checked";

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
    "genre_6"
FROM "artists_checked"
WHERE "_reject_reason" IS NULL AND "_duplicate_rank" = 1;

-- step: artists_rejects
SELECT
    "_raw_id" AS "id",
    "_raw_name" AS "name",
    "_raw_artist_popularity" AS "artist_popularity",
    "_raw_artist_genres" AS "artist_genres",
    "_raw_followers" AS "followers",
    "_raw_genre_0" AS "genre_0",
    "_raw_genre_1" AS "genre_1",
    "_raw_genre_2" AS "genre_2",
    "_raw_genre_3" AS "genre_3",
    "_raw_genre_4" AS "genre_4",
    "_raw_genre_5" AS "genre_5",
    "_raw_genre_6" AS "genre_6",
    "_corrupt_record",
    "_reject_reason"
FROM "artists_checked"
WHERE "_reject_reason" IS NOT NULL;

-- step: artists_metrics
SELECT 'rows_read' AS "metric", CAST(NULL AS VARCHAR) AS "reason", COUNT(*) AS "rows" FROM "artists_checked"
UNION ALL
SELECT 'rows_written', CAST(NULL AS VARCHAR), COUNT(CASE WHEN "_reject_reason" IS NULL AND "_duplicate_rank" = 1 THEN 1 END) FROM "artists_checked"
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS VARCHAR), COUNT("_reject_reason") FROM "artists_checked"
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS VARCHAR), COUNT(CASE WHEN "_reject_reason" IS NULL AND "_duplicate_rank" > 1 THEN 1 END) FROM "artists_checked"
UNION ALL
SELECT 'rejected', "_reject_reason", COUNT(*) FROM "artists_checked" WHERE "_reject_reason" IS NOT NULL GROUP BY "_reject_reason";

