-- The physical floor of cleaning, for the benchmark only (bench/local_bench.py): the same staging files converted to
-- Parquet with the same codec, every column read as text, no cleaning, no partitioning. {staging}, {out} and {codec}
-- are filled in by bench/Tools' 'handwritten' command.
SET preserve_insertion_order = false;
COPY (SELECT * FROM read_csv('{staging}/artists/*.csv', header = true, all_varchar = true)) TO '{out}/artists.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT * FROM read_csv('{staging}/albums/*.csv', header = true, all_varchar = true)) TO '{out}/albums.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT * FROM read_csv('{staging}/tracks/*.csv', header = true, all_varchar = true)) TO '{out}/tracks.parquet' (FORMAT parquet, COMPRESSION {codec});
COPY (SELECT * FROM read_csv('{staging}/features/*.csv', header = true, all_varchar = true)) TO '{out}/features.parquet' (FORMAT parquet, COMPRESSION {codec});
