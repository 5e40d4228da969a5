namespace DataPipeline.Local.Sample;

internal enum RowRole
{
    Clean,
    Defective,
    Copied,
}
