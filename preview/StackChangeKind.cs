namespace DataPipeline.Preview;

public enum StackChangeKind
{
    /// <summary>Only the head has the stack.</summary>
    Added,
    /// <summary>Only the base has the stack: deploying no longer updates it, and deleting it removes what it holds.</summary>
    Removed,
    Modified,
    Unchanged,
}
