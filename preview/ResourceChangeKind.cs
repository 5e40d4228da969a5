namespace DataPipeline.Preview;

public enum ResourceChangeKind
{
    Added,
    Removed,
    Modified,
}
