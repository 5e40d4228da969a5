namespace DataPipeline.Config.Model;

/// <summary>What happens to data buckets and keys when a stack is deleted.</summary>
public enum RemovalChoice
{
    Retain,
    Destroy,
}
