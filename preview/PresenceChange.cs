namespace DataPipeline.Preview;

/// <summary>Whether a table, query or dataset exists in both revisions or in one only.</summary>
public enum PresenceChange
{
    InBoth,
    /// <summary>Only the head has it.</summary>
    New,
    /// <summary>Only the base has it.</summary>
    Removed,
}
