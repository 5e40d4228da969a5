namespace DataPipeline.Preview;

/// <summary>One changed property of a resource and what CloudFormation does about it (WILL_UPDATE, WILL_REPLACE, MAY_REPLACE).</summary>
public sealed record PropertyChange
{
    public required string Name { get; init; }
    public required string Impact { get; init; }

    public bool Replaces => Impact is ResourceChange.WillReplace or ResourceChange.MayReplace;
}
