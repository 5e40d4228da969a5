-- The floor of an incremental run's merge, for the benchmark only (bench/local_bench.py): when every Parquet file of
-- a table holds a replaced key, a copy-on-write merge rewrites the whole table. This rewrites the four cleaned tables
-- as they are, with the same codec and partitions and nothing else. {staging} is the full run's data-warehouse folder
-- here; {out} and {codec} are filled in by bench/Tools' 'handwritten' command.
-- Partitioned files are written in row groups of 10,240 rows, as the engine writes them (PlanExecutor.PartitionedRowGroupRows).
SET preserve_insertion_order = false;
COPY (SELECT * FROM read_parquet('{staging}/artists/**/*.parquet')) TO '{out}/artists.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT * FROM read_parquet('{staging}/albums/**/*.parquet', hive_partitioning = true)) TO '{out}/albums' (FORMAT parquet, COMPRESSION {codec}, PARTITION_BY (release_year), ROW_GROUP_SIZE 10240);
COPY (SELECT * FROM read_parquet('{staging}/tracks/**/*.parquet')) TO '{out}/tracks.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT * FROM read_parquet('{staging}/features/**/*.parquet')) TO '{out}/features.parquet' (FORMAT parquet, COMPRESSION {codec});
