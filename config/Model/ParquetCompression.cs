namespace DataPipeline.Config.Model;

/// <summary>
/// The codec of a dataset's Parquet files (warehouse and quarantine), written alike by Glue and the local engine.
/// Athena engine version 3 reads and writes all three.
/// </summary>
public enum ParquetCompression
{
    /// <summary>Fast, light compression; Spark's and Glue's own default.</summary>
    Snappy,
    /// <summary>Zstandard: entropy coding, so random ids and free text shrink too; fewer bytes for Athena to scan.</summary>
    Zstd,
    /// <summary>Deflate: smallest files, slowest to write.</summary>
    Gzip,
}
