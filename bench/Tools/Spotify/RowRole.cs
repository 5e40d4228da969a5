namespace DataPipeline.Bench.Spotify;

internal enum RowRole
{
    Clean,
    Defective,
    Copied,
}
