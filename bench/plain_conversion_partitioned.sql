-- The physical floor of cleaning with the pipeline's layout, for the benchmark only (bench/local_bench.py): as
-- plain_conversion.sql, but albums go to one folder per release year, as pipeline.yaml partitions them (the year is the
-- text's first four characters here; nothing is parsed or checked). {staging}, {out} and {codec} are filled in by
-- bench/Tools' 'handwritten' command.
-- Partitioned files are written in row groups of 10,240 rows, as the engine writes them (PlanExecutor.PartitionedRowGroupRows).
SET preserve_insertion_order = false;
COPY (SELECT * FROM read_csv('{staging}/artists/*.csv', header = true, all_varchar = true)) TO '{out}/artists.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT *, substr(release_date, 1, 4) AS release_year FROM read_csv('{staging}/albums/*.csv', header = true, all_varchar = true)) TO '{out}/albums' (FORMAT parquet, COMPRESSION {codec}, PARTITION_BY (release_year), ROW_GROUP_SIZE 10240, OVERWRITE_OR_IGNORE);
COPY (SELECT * FROM read_csv('{staging}/tracks/*.csv', header = true, all_varchar = true)) TO '{out}/tracks.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT * FROM read_csv('{staging}/features/*.csv', header = true, all_varchar = true)) TO '{out}/features.parquet' (FORMAT parquet, COMPRESSION {codec});
