-- step: features_checked (materialized)
SELECT
    `danceability`,
    `energy`,
    `key`,
    `loudness`,
    `mode`,
    `speechiness`,
    `acousticness`,
    `instrumentalness`,
    `liveness`,
    `valence`,
    `tempo`,
    `type`,
    `id`,
    `uri`,
    `track_href`,
    `analysis_url`,
    `duration_ms`,
    `time_signature`,
    `_raw_danceability`,
    `_raw_energy`,
    `_raw_key`,
    `_raw_loudness`,
    `_raw_mode`,
    `_raw_speechiness`,
    `_raw_acousticness`,
    `_raw_instrumentalness`,
    `_raw_liveness`,
    `_raw_valence`,
    `_raw_tempo`,
    `_raw_type`,
    `_raw_id`,
    `_raw_uri`,
    `_raw_track_href`,
    `_raw_analysis_url`,
    `_raw_duration_ms`,
    `_raw_time_signature`,
    `_corrupt_record`,
    `_reject_reason`,
    CASE WHEN `_reject_reason` IS NULL THEN ROW_NUMBER() OVER (PARTITION BY (`_reject_reason` IS NULL), `id` ORDER BY `_raw_danceability` ASC NULLS LAST, `_raw_energy` ASC NULLS LAST, `_raw_key` ASC NULLS LAST, `_raw_loudness` ASC NULLS LAST, `_raw_mode` ASC NULLS LAST, `_raw_speechiness` ASC NULLS LAST, `_raw_acousticness` ASC NULLS LAST, `_raw_instrumentalness` ASC NULLS LAST, `_raw_liveness` ASC NULLS LAST, `_raw_valence` ASC NULLS LAST, `_raw_tempo` ASC NULLS LAST, `_raw_type` ASC NULLS LAST, `_raw_id` ASC NULLS LAST, `_raw_uri` ASC NULLS LAST, `_raw_track_href` ASC NULLS LAST, `_raw_analysis_url` ASC NULLS LAST, `_raw_duration_ms` ASC NULLS LAST, `_raw_time_signature` ASC NULLS LAST) END AS `_duplicate_rank`
FROM (
    SELECT
        *,
        CASE
            WHEN `_corrupt_record` IS NOT NULL THEN 'malformed_row'
            WHEN `_text_danceability` IS NOT NULL AND `danceability` IS NULL THEN 'bad_type:danceability'
            WHEN `danceability` < 0 OR `danceability` > 1 THEN 'out_of_range:danceability'
            WHEN `_text_energy` IS NOT NULL AND `energy` IS NULL THEN 'bad_type:energy'
            WHEN `energy` < 0 OR `energy` > 1 THEN 'out_of_range:energy'
            WHEN `_text_key` IS NOT NULL AND `key` IS NULL THEN 'bad_type:key'
            WHEN `key` < -1 OR `key` > 11 THEN 'out_of_range:key'
            WHEN `_text_loudness` IS NOT NULL AND `loudness` IS NULL THEN 'bad_type:loudness'
            WHEN `loudness` < -60 OR `loudness` > 5 THEN 'out_of_range:loudness'
            WHEN `_text_mode` IS NOT NULL AND `mode` IS NULL THEN 'bad_type:mode'
            WHEN `_text_mode` NOT IN ('0', '1') THEN 'not_allowed:mode'
            WHEN `_text_speechiness` IS NOT NULL AND `speechiness` IS NULL THEN 'bad_type:speechiness'
            WHEN `speechiness` < 0 OR `speechiness` > 1 THEN 'out_of_range:speechiness'
            WHEN `_text_acousticness` IS NOT NULL AND `acousticness` IS NULL THEN 'bad_type:acousticness'
            WHEN `acousticness` < 0 OR `acousticness` > 1 THEN 'out_of_range:acousticness'
            WHEN `_text_instrumentalness` IS NOT NULL AND `instrumentalness` IS NULL THEN 'bad_type:instrumentalness'
            WHEN `instrumentalness` < 0 OR `instrumentalness` > 1 THEN 'out_of_range:instrumentalness'
            WHEN `_text_liveness` IS NOT NULL AND `liveness` IS NULL THEN 'bad_type:liveness'
            WHEN `liveness` < 0 OR `liveness` > 1 THEN 'out_of_range:liveness'
            WHEN `_text_valence` IS NOT NULL AND `valence` IS NULL THEN 'bad_type:valence'
            WHEN `valence` < 0 OR `valence` > 1 THEN 'out_of_range:valence'
            WHEN `_text_tempo` IS NOT NULL AND `tempo` IS NULL THEN 'bad_type:tempo'
            WHEN `tempo` < 0 OR `tempo` > 300 THEN 'out_of_range:tempo'
            WHEN `_text_type` NOT IN ('audio_features') THEN 'not_allowed:type'
            WHEN (`_text_id` IS NULL OR `_text_id` = '') THEN 'missing_required:id'
            WHEN NOT (`_text_id` RLIKE '^[0-9A-Za-z]{22}$') THEN 'pattern_mismatch:id'
            WHEN `_text_duration_ms` IS NOT NULL AND `duration_ms` IS NULL THEN 'bad_type:duration_ms'
            WHEN `duration_ms` < 0 THEN 'out_of_range:duration_ms'
            WHEN `_text_time_signature` IS NOT NULL AND `time_signature` IS NULL THEN 'bad_type:time_signature'
            WHEN `time_signature` < 0 OR `time_signature` > 7 THEN 'out_of_range:time_signature'
        END AS `_reject_reason`
    FROM (
        SELECT
            *,
            CASE WHEN `_text_danceability` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_danceability` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_danceability` AS DOUBLE) END AS `danceability`,
            CASE WHEN `_text_energy` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_energy` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_energy` AS DOUBLE) END AS `energy`,
            CASE WHEN `_text_key` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_key` AS INT) END AS `key`,
            CASE WHEN `_text_loudness` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_loudness` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_loudness` AS DOUBLE) END AS `loudness`,
            CASE WHEN `_text_mode` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_mode` AS INT) END AS `mode`,
            CASE WHEN `_text_speechiness` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_speechiness` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_speechiness` AS DOUBLE) END AS `speechiness`,
            CASE WHEN `_text_acousticness` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_acousticness` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_acousticness` AS DOUBLE) END AS `acousticness`,
            CASE WHEN `_text_instrumentalness` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_instrumentalness` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_instrumentalness` AS DOUBLE) END AS `instrumentalness`,
            CASE WHEN `_text_liveness` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_liveness` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_liveness` AS DOUBLE) END AS `liveness`,
            CASE WHEN `_text_valence` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_valence` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_valence` AS DOUBLE) END AS `valence`,
            CASE WHEN `_text_tempo` RLIKE '^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$' AND ABS(TRY_CAST(`_text_tempo` AS DOUBLE)) <= 1.7976931348623157E308 THEN TRY_CAST(`_text_tempo` AS DOUBLE) END AS `tempo`,
            `_text_type` AS `type`,
            `_text_id` AS `id`,
            `_text_uri` AS `uri`,
            `_text_track_href` AS `track_href`,
            `_text_analysis_url` AS `analysis_url`,
            CASE WHEN `_text_duration_ms` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_duration_ms` AS BIGINT) END AS `duration_ms`,
            CASE WHEN `_text_time_signature` RLIKE '^[+-]?[0-9]+$' THEN TRY_CAST(`_text_time_signature` AS INT) END AS `time_signature`
        FROM (
            SELECT
                `danceability` AS `_raw_danceability`,
                `energy` AS `_raw_energy`,
                `key` AS `_raw_key`,
                `loudness` AS `_raw_loudness`,
                `mode` AS `_raw_mode`,
                `speechiness` AS `_raw_speechiness`,
                `acousticness` AS `_raw_acousticness`,
                `instrumentalness` AS `_raw_instrumentalness`,
                `liveness` AS `_raw_liveness`,
                `valence` AS `_raw_valence`,
                `tempo` AS `_raw_tempo`,
                `type` AS `_raw_type`,
                `id` AS `_raw_id`,
                `uri` AS `_raw_uri`,
                `track_href` AS `_raw_track_href`,
                `analysis_url` AS `_raw_analysis_url`,
                `duration_ms` AS `_raw_duration_ms`,
                `time_signature` AS `_raw_time_signature`,
                NULLIF(TRIM(`danceability`), '') AS `_text_danceability`,
                NULLIF(TRIM(`energy`), '') AS `_text_energy`,
                NULLIF(TRIM(`key`), '') AS `_text_key`,
                NULLIF(TRIM(`loudness`), '') AS `_text_loudness`,
                NULLIF(TRIM(`mode`), '') AS `_text_mode`,
                NULLIF(TRIM(`speechiness`), '') AS `_text_speechiness`,
                NULLIF(TRIM(`acousticness`), '') AS `_text_acousticness`,
                NULLIF(TRIM(`instrumentalness`), '') AS `_text_instrumentalness`,
                NULLIF(TRIM(`liveness`), '') AS `_text_liveness`,
                NULLIF(TRIM(`valence`), '') AS `_text_valence`,
                NULLIF(TRIM(`tempo`), '') AS `_text_tempo`,
                LOWER(TRIM(`type`)) AS `_text_type`,
                TRIM(`id`) AS `_text_id`,
                TRIM(`uri`) AS `_text_uri`,
                TRIM(`track_href`) AS `_text_track_href`,
                TRIM(`analysis_url`) AS `_text_analysis_url`,
                NULLIF(TRIM(`duration_ms`), '') AS `_text_duration_ms`,
                NULLIF(TRIM(`time_signature`), '') AS `_text_time_signature`,
                `_corrupt_record`
            FROM `raw_features`
        ) AS `texts`
    ) AS `typed`
) AS `checked`;

-- step: features_clean
SELECT
    `danceability`,
    `energy`,
    `key`,
    `loudness`,
    `mode`,
    `speechiness`,
    `acousticness`,
    `instrumentalness`,
    `liveness`,
    `valence`,
    `tempo`,
    `type`,
    `id`,
    `uri`,
    `track_href`,
    `analysis_url`,
    `duration_ms`,
    `time_signature`
FROM `features_checked`
WHERE `_reject_reason` IS NULL AND `_duplicate_rank` = 1;

-- step: features_rejects
SELECT
    `_raw_danceability` AS `danceability`,
    `_raw_energy` AS `energy`,
    `_raw_key` AS `key`,
    `_raw_loudness` AS `loudness`,
    `_raw_mode` AS `mode`,
    `_raw_speechiness` AS `speechiness`,
    `_raw_acousticness` AS `acousticness`,
    `_raw_instrumentalness` AS `instrumentalness`,
    `_raw_liveness` AS `liveness`,
    `_raw_valence` AS `valence`,
    `_raw_tempo` AS `tempo`,
    `_raw_type` AS `type`,
    `_raw_id` AS `id`,
    `_raw_uri` AS `uri`,
    `_raw_track_href` AS `track_href`,
    `_raw_analysis_url` AS `analysis_url`,
    `_raw_duration_ms` AS `duration_ms`,
    `_raw_time_signature` AS `time_signature`,
    `_corrupt_record`,
    `_reject_reason`
FROM `features_checked`
WHERE `_reject_reason` IS NOT NULL;

-- step: features_metrics
SELECT 'rows_read' AS `metric`, CAST(NULL AS STRING) AS `reason`, COUNT(*) AS `rows` FROM `features_checked`
UNION ALL
SELECT 'rows_written', CAST(NULL AS STRING), COUNT(CASE WHEN `_reject_reason` IS NULL AND `_duplicate_rank` = 1 THEN 1 END) FROM `features_checked`
UNION ALL
SELECT 'rows_rejected', CAST(NULL AS STRING), COUNT(`_reject_reason`) FROM `features_checked`
UNION ALL
SELECT 'duplicates_dropped', CAST(NULL AS STRING), COUNT(CASE WHEN `_reject_reason` IS NULL AND `_duplicate_rank` > 1 THEN 1 END) FROM `features_checked`
UNION ALL
SELECT 'rejected', `_reject_reason`, COUNT(*) FROM `features_checked` WHERE `_reject_reason` IS NOT NULL GROUP BY `_reject_reason`;

