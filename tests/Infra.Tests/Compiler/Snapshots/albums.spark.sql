-- step: albums_checked (materialized)
SELECT
    `track_name`,
    `track_id`,
    `track_number`,
    `duration_ms`,
    `album_type`,
    `artists`,
    `total_tracks`,
    `album_name`,
    `release_date`,
    `label`,
    `album_popularity`,
    `album_id`,
    `artist_id`,
    `artist_0`,
    `artist_1`,
    `artist_2`,
    `artist_3`,
    `artist_4`,
    `artist_5`,
    `artist_6`,
    `artist_7`,
    `artist_8`,
    `artist_9`,
    `artist_10`,
    `artist_11`,
    `duration_sec`,
    `_raw_track_name`,
    `_raw_track_id`,
    `_raw_track_number`,
    `_raw_duration_ms`,
    `_raw_album_type`,
    `_raw_artists`,
    `_raw_total_tracks`,
    `_raw_album_name`,
    `_raw_release_date`,
    `_raw_label`,
    `_raw_album_popularity`,
    `_raw_album_id`,
    `_raw_artist_id`,
    `_raw_artist_0`,
    `_raw_artist_1`,
    `_raw_artist_2`,
    `_raw_artist_3`,
    `_raw_artist_4`,
    `_raw_artist_5`,
    `_raw_artist_6`,
    `_raw_artist_7`,
    `_raw_artist_8`,
    `_raw_artist_9`,
    `_raw_artist_10`,
    `_raw_artist_11`,
    `_raw_duration_sec`,
    `_corrupt_record`,
    `_reject_reason`,
    CASE WHEN `_reject_reason` IS NULL THEN ROW_NUMBER() OVER (PARTITION BY (`_reject_reason` IS NULL), `track_id` ORDER BY `album_popularity` DESC NULLS LAST, `_raw_track_name` ASC NULLS LAST, `_raw_track_id` ASC NULLS LAST, `_raw_track_number` ASC NULLS LAST, `_raw_duration_ms` ASC NULLS LAST, `_raw_album_type` ASC NULLS LAST, `_raw_artists` ASC NULLS LAST, `_raw_total_tracks` ASC NULLS LAST, `_raw_album_name` ASC NULLS LAST, `_raw_release_date` ASC NULLS LAST, `_raw_label` ASC NULLS LAST, `_raw_album_popularity` ASC NULLS LAST, `_raw_album_id` ASC NULLS LAST, `_raw_artist_id` ASC NULLS LAST, `_raw_artist_0` ASC NULLS LAST, `_raw_artist_1` ASC NULLS LAST, `_raw_artist_2` ASC NULLS LAST, `_raw_artist_3` ASC NULLS LAST, `_raw_artist_4` ASC NULLS LAST, `_raw_artist_5` ASC NULLS LAST, `_raw_artist_6` ASC NULLS LAST, `_raw_artist_7` ASC NULLS LAST, `_raw_artist_8` ASC NULLS LAST, `_raw_artist_9` ASC NULLS LAST, `_raw_artist_10` ASC NULLS LAST, `_raw_artist_11` ASC NULLS LAST, `_raw_duration_sec` ASC NULLS LAST) END AS `_duplicate_rank`
FROM (
    SELECT
        *,
        CASE
            WHEN `_corrupt_record` IS NOT NULL THEN 'malformed_row'
            WHEN (`_text_track_id` IS NULL OR `_text_track_id` = '') THEN 'missing_required:track_id'
            WHEN NOT (`_text_track_id` RLIKE '^[0-9A-Za-z]{22}$') THEN 'pattern_mismatch:track_id'
            WHEN `_text_track_number` IS NOT NULL AND `track_number` IS NULL THEN 'bad_type:track_number'
            WHEN `track_number` < 1 THEN 'out_of_range:track_number'
            WHEN `_text_duration_ms` IS NOT NULL AND `duration_ms` IS NULL THEN 'bad_type:duration_ms'
            WHEN `duration_ms` < 0 THEN 'out_of_range:duration_ms'
            WHEN `_text_album_type` NOT IN ('album', 'single', 'compilation') THEN 'not_allowed:album_type'
            WHEN `_text_total_tracks` IS NOT NULL AND `total_tracks` IS NULL THEN 'bad_type:total_tracks'
            WHEN `total_tracks` < 1 THEN 'out_of_range:total_tracks'
            WHEN `_text_release_date` IS NULL THEN 'missing_required:release_date'
            WHEN `_text_release_date` IS NOT NULL AND `release_date` IS NULL THEN 'bad_type:release_date'
            WHEN `_text_album_popularity` IS NOT NULL AND `album_popularity` IS NULL THEN 'bad_type:album_popularity'
            WHEN `album_popularity` < 0 OR `album_popularity` > 100 THEN 'out_of_range:album_popularity'
            WHEN (`_text_album_id` IS NULL OR `_text_album_id` = '') THEN 'missing_required:album_id'
            WHEN (`_text_artist_id` IS NULL OR `_text_artist_id` = '') THEN 'missing_required:artist_id'
            WHEN `_text_duration_sec` IS NOT NULL AND `duration_sec` IS NULL THEN 'bad_type:duration_sec'
            WHEN `duration_sec` < 0 THEN 'out_of_range:duration_sec'
        END AS `_reject_reason`
    FROM (
        SELECT
            *,
            `_text_track_name` AS `track_name`,
            `_text_track_id` AS `track_id`,
            CASE WHEN `_text_track_number` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_track_number` AS INT) END AS `track_number`,
            CASE WHEN `_text_duration_ms` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_duration_ms` AS BIGINT) END AS `duration_ms`,
            `_text_album_type` AS `album_type`,
            `_text_artists` AS `artists`,
            CASE WHEN `_text_total_tracks` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_total_tracks` AS INT) END AS `total_tracks`,
            `_text_album_name` AS `album_name`,
            CASE WHEN `_text_release_date` RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN to_date(`_text_release_date`, 'yyyy-MM-dd') END AS `release_date`,
            `_text_label` AS `label`,
            CASE WHEN `_text_album_popularity` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_album_popularity` AS INT) END AS `album_popularity`,
            `_text_album_id` AS `album_id`,
            `_text_artist_id` AS `artist_id`,
            `_text_artist_0` AS `artist_0`,
            `_text_artist_1` AS `artist_1`,
            `_text_artist_2` AS `artist_2`,
            `_text_artist_3` AS `artist_3`,
            `_text_artist_4` AS `artist_4`,
            `_text_artist_5` AS `artist_5`,
            `_text_artist_6` AS `artist_6`,
            `_text_artist_7` AS `artist_7`,
            `_text_artist_8` AS `artist_8`,
            `_text_artist_9` AS `artist_9`,
            `_text_artist_10` AS `artist_10`,
            `_text_artist_11` AS `artist_11`,
            CASE WHEN `_text_duration_sec` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' THEN TRY_CAST(`_text_duration_sec` AS DECIMAL(10,3)) END AS `duration_sec`
        FROM (
            SELECT
                `track_name` AS `_raw_track_name`,
                `track_id` AS `_raw_track_id`,
                `track_number` AS `_raw_track_number`,
                `duration_ms` AS `_raw_duration_ms`,
                `album_type` AS `_raw_album_type`,
                `artists` AS `_raw_artists`,
                `total_tracks` AS `_raw_total_tracks`,
                `album_name` AS `_raw_album_name`,
                `release_date` AS `_raw_release_date`,
                `label` AS `_raw_label`,
                `album_popularity` AS `_raw_album_popularity`,
                `album_id` AS `_raw_album_id`,
                `artist_id` AS `_raw_artist_id`,
                `artist_0` AS `_raw_artist_0`,
                `artist_1` AS `_raw_artist_1`,
                `artist_2` AS `_raw_artist_2`,
                `artist_3` AS `_raw_artist_3`,
                `artist_4` AS `_raw_artist_4`,
                `artist_5` AS `_raw_artist_5`,
                `artist_6` AS `_raw_artist_6`,
                `artist_7` AS `_raw_artist_7`,
                `artist_8` AS `_raw_artist_8`,
                `artist_9` AS `_raw_artist_9`,
                `artist_10` AS `_raw_artist_10`,
                `artist_11` AS `_raw_artist_11`,
                `duration_sec` AS `_raw_duration_sec`,
                TRIM(`track_name`) AS `_text_track_name`,
                TRIM(`track_id`) AS `_text_track_id`,
                NULLIF(TRIM(`track_number`), '') AS `_text_track_number`,
                NULLIF(TRIM(`duration_ms`), '') AS `_text_duration_ms`,
                LOWER(TRIM(`album_type`)) AS `_text_album_type`,
                `artists` AS `_text_artists`,
                NULLIF(TRIM(`total_tracks`), '') AS `_text_total_tracks`,
                TRIM(`album_name`) AS `_text_album_name`,
                NULLIF(TRIM(`release_date`), '') AS `_text_release_date`,
                NULLIF(TRIM(`label`), '') AS `_text_label`,
                NULLIF(TRIM(`album_popularity`), '') AS `_text_album_popularity`,
                TRIM(`album_id`) AS `_text_album_id`,
                TRIM(`artist_id`) AS `_text_artist_id`,
                NULLIF(TRIM(`artist_0`), '') AS `_text_artist_0`,
                NULLIF(TRIM(`artist_1`), '') AS `_text_artist_1`,
                NULLIF(TRIM(`artist_2`), '') AS `_text_artist_2`,
                NULLIF(TRIM(`artist_3`), '') AS `_text_artist_3`,
                NULLIF(TRIM(`artist_4`), '') AS `_text_artist_4`,
                NULLIF(TRIM(`artist_5`), '') AS `_text_artist_5`,
                NULLIF(TRIM(`artist_6`), '') AS `_text_artist_6`,
                NULLIF(TRIM(`artist_7`), '') AS `_text_artist_7`,
                NULLIF(TRIM(`artist_8`), '') AS `_text_artist_8`,
                NULLIF(TRIM(`artist_9`), '') AS `_text_artist_9`,
                NULLIF(TRIM(`artist_10`), '') AS `_text_artist_10`,
                NULLIF(TRIM(`artist_11`), '') AS `_text_artist_11`,
                NULLIF(TRIM(`duration_sec`), '') AS `_text_duration_sec`,
                `_corrupt_record`
            FROM `raw_albums`
        ) AS `texts`
    ) AS `typed`
) AS `checked`;

-- step: albums_clean
SELECT
    `track_name`,
    `track_id`,
    `track_number`,
    `duration_ms`,
    `album_type`,
    `artists`,
    `total_tracks`,
    `album_name`,
    `release_date`,
    `label`,
    `album_popularity`,
    `album_id`,
    `artist_id`,
    `artist_0`,
    `artist_1`,
    `artist_2`,
    `artist_3`,
    `artist_4`,
    `artist_5`,
    `artist_6`,
    `artist_7`,
    `artist_8`,
    `artist_9`,
    `artist_10`,
    `artist_11`,
    `duration_sec`,
    year(`release_date`) AS `release_year`
FROM `albums_checked`
WHERE `_reject_reason` IS NULL AND `_duplicate_rank` = 1;

-- step: albums_rejects
SELECT
    `_raw_track_name` AS `track_name`,
    `_raw_track_id` AS `track_id`,
    `_raw_track_number` AS `track_number`,
    `_raw_duration_ms` AS `duration_ms`,
    `_raw_album_type` AS `album_type`,
    `_raw_artists` AS `artists`,
    `_raw_total_tracks` AS `total_tracks`,
    `_raw_album_name` AS `album_name`,
    `_raw_release_date` AS `release_date`,
    `_raw_label` AS `label`,
    `_raw_album_popularity` AS `album_popularity`,
    `_raw_album_id` AS `album_id`,
    `_raw_artist_id` AS `artist_id`,
    `_raw_artist_0` AS `artist_0`,
    `_raw_artist_1` AS `artist_1`,
    `_raw_artist_2` AS `artist_2`,
    `_raw_artist_3` AS `artist_3`,
    `_raw_artist_4` AS `artist_4`,
    `_raw_artist_5` AS `artist_5`,
    `_raw_artist_6` AS `artist_6`,
    `_raw_artist_7` AS `artist_7`,
    `_raw_artist_8` AS `artist_8`,
    `_raw_artist_9` AS `artist_9`,
    `_raw_artist_10` AS `artist_10`,
    `_raw_artist_11` AS `artist_11`,
    `_raw_duration_sec` AS `duration_sec`,
    `_corrupt_record`,
    `_reject_reason`
FROM `albums_checked`
WHERE `_reject_reason` IS NOT NULL;

-- step: albums_metrics
SELECT 'rows_read' AS `metric`, CAST(NULL AS STRING) AS `reason`, COUNT(*) AS `rows` FROM `albums_checked`
UNION ALL
SELECT 'rows_written', CAST(NULL AS STRING), COUNT(CASE WHEN `_reject_reason` IS NULL AND `_duplicate_rank` = 1 THEN 1 END) FROM `albums_checked`
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS STRING), COUNT(`_reject_reason`) FROM `albums_checked`
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS STRING), COUNT(CASE WHEN `_reject_reason` IS NULL AND `_duplicate_rank` > 1 THEN 1 END) FROM `albums_checked`
UNION ALL
SELECT 'rejected', `_reject_reason`, COUNT(*) FROM `albums_checked` WHERE `_reject_reason` IS NOT NULL GROUP BY `_reject_reason`;

