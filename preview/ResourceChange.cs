namespace DataPipeline.Preview;

/// <summary>One resource of a stack that the change adds, removes or modifies, as @aws-cdk/cloudformation-diff sees it.</summary>
public sealed record ResourceChange
{
    public const string WillReplace = "WILL_REPLACE";
    public const string MayReplace = "MAY_REPLACE";
    public const string WillOrphan = "WILL_ORPHAN";

    private static readonly string[] DataHoldingTypes = ["AWS::S3::Bucket", "AWS::KMS::Key"];

    public required string LogicalId { get; init; }
    public required string Type { get; init; }
    public required ResourceChangeKind Kind { get; init; }

    /// <summary>The library's ResourceImpact: WILL_CREATE, WILL_UPDATE, WILL_REPLACE, MAY_REPLACE, WILL_DESTROY, WILL_ORPHAN.</summary>
    public required string Impact { get; init; }

    /// <summary>The construct path (aws:cdk:path metadata) without the stack, when the template has it.</summary>
    public string? Path { get; init; }

    public IReadOnlyList<PropertyChange> Properties { get; init; } = [];

    /// <summary>Changed resource attributes other than properties: DeletionPolicy, UpdateReplacePolicy, DependsOn.</summary>
    public IReadOnlyList<string> OtherChanges { get; init; } = [];

    /// <summary>Physical names the template sets (BucketName, RoleName, ...).</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public bool TouchesIam { get; init; }

    /// <summary>Set when this added resource takes over a removed one of the same type and name: its construct was renamed.</summary>
    public ResourceChange? RenamedFrom { get; init; }

    public bool Replaces => Impact is WillReplace or MayReplace || RenamedFrom is not null;

    /// <summary>A bucket or key that is replaced or removed: its data, or the data it encrypts, is gone or left behind.</summary>
    public bool IsDestructive => DataHoldingTypes.Contains(Type) && (Replaces || Kind == ResourceChangeKind.Removed);

    public string Label => Path ?? LogicalId;
}
