namespace DataPipeline.Local;

/// <summary>The Parquet codec of the local warehouse.</summary>
public enum ParquetCompression
{
    /// <summary>What the Glue jobs write (spark.sql.parquet.compression.codec=snappy).</summary>
    Snappy,
    Zstd,
}
