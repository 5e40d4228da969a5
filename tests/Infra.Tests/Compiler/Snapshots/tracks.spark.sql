-- step: tracks_checked (materialized)
SELECT
    `id`,
    `track_popularity`,
    `explicit`,
    `_raw_id`,
    `_raw_track_popularity`,
    `_raw_explicit`,
    `_corrupt_record`,
    `_reject_reason`,
    CASE WHEN `_reject_reason` IS NULL THEN ROW_NUMBER() OVER (PARTITION BY (`_reject_reason` IS NULL), `id` ORDER BY `track_popularity` DESC NULLS LAST, `_raw_id` ASC NULLS LAST, `_raw_track_popularity` ASC NULLS LAST, `_raw_explicit` ASC NULLS LAST) END AS `_duplicate_rank`
FROM (
    SELECT
        *,
        CASE
            WHEN `_corrupt_record` IS NOT NULL THEN 'malformed_row'
            WHEN (`_text_id` IS NULL OR `_text_id` = '') THEN 'missing_required:id'
            WHEN NOT (`_text_id` RLIKE '^[0-9A-Za-z]{22}$') THEN 'pattern_mismatch:id'
            WHEN `_text_track_popularity` IS NULL THEN 'missing_required:track_popularity'
            WHEN `_text_track_popularity` IS NOT NULL AND `track_popularity` IS NULL THEN 'bad_type:track_popularity'
            WHEN `track_popularity` < 0 OR `track_popularity` > 100 THEN 'out_of_range:track_popularity'
            WHEN `_text_explicit` IS NOT NULL AND `explicit` IS NULL THEN 'bad_type:explicit'
        END AS `_reject_reason`
    FROM (
        SELECT
            *,
            `_text_id` AS `id`,
            CASE WHEN `_text_track_popularity` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_track_popularity` AS INT) END AS `track_popularity`,
            CASE WHEN LOWER(`_text_explicit`) IN ('true', 't', '1', 'yes', 'y') THEN TRUE WHEN LOWER(`_text_explicit`) IN ('false', 'f', '0', 'no', 'n') THEN FALSE END AS `explicit`
        FROM (
            SELECT
                `id` AS `_raw_id`,
                `track_popularity` AS `_raw_track_popularity`,
                `explicit` AS `_raw_explicit`,
                TRIM(`id`) AS `_text_id`,
                NULLIF(TRIM(`track_popularity`), '') AS `_text_track_popularity`,
                NULLIF(TRIM(`explicit`), '') AS `_text_explicit`,
                `_corrupt_record`
            FROM `raw_tracks`
        ) AS `texts`
    ) AS `typed`
) AS `checked`;

-- step: tracks_clean
SELECT
    `id`,
    `track_popularity`,
    `explicit`
FROM `tracks_checked`
WHERE `_reject_reason` IS NULL AND `_duplicate_rank` = 1;

-- step: tracks_rejects
SELECT
    `_raw_id` AS `id`,
    `_raw_track_popularity` AS `track_popularity`,
    `_raw_explicit` AS `explicit`,
    `_corrupt_record`,
    `_reject_reason`
FROM `tracks_checked`
WHERE `_reject_reason` IS NOT NULL;

-- step: tracks_metrics
SELECT 'rows_read' AS `metric`, CAST(NULL AS STRING) AS `reason`, COUNT(*) AS `rows` FROM `tracks_checked`
UNION ALL
SELECT 'rows_written', CAST(NULL AS STRING), COUNT(CASE WHEN `_reject_reason` IS NULL AND `_duplicate_rank` = 1 THEN 1 END) FROM `tracks_checked`
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS STRING), COUNT(`_reject_reason`) FROM `tracks_checked`
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS STRING), COUNT(CASE WHEN `_reject_reason` IS NULL AND `_duplicate_rank` > 1 THEN 1 END) FROM `tracks_checked`
UNION ALL
SELECT 'rejected', `_reject_reason`, COUNT(*) FROM `tracks_checked` WHERE `_reject_reason` IS NOT NULL GROUP BY `_reject_reason`;

