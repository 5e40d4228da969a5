namespace DataPipeline.Preview;

/// <summary>One changed resource as preview/template-diff.js reports it.</summary>
internal sealed record DiffedResource(
    string LogicalId,
    string Type,
    ResourceChangeKind Kind,
    string Impact,
    string? Path,
    IReadOnlyList<PropertyChange> Properties,
    IReadOnlyList<string> OtherChanges,
    Dictionary<string, string> Names,
    bool TouchesIam)
{
    public ResourceChange ToResourceChange(string stack) => new()
    {
        LogicalId = LogicalId,
        Type = Type,
        Kind = Kind,
        Impact = Impact,
        Path = ConstructPath(stack, Path),
        Properties = Properties,
        OtherChanges = OtherChanges,
        Names = Names,
        TouchesIam = TouchesIam,
    };

    // "acme-dev-sales/DataLake/WarehouseBucket/Resource" reads as DataLake/WarehouseBucket.
    private static string? ConstructPath(string stack, string? path)
    {
        if (path is null)
        {
            return null;
        }
        var inStack = path.StartsWith(stack + "/", StringComparison.Ordinal) ? path[(stack.Length + 1)..] : path;
        return inStack.EndsWith("/Resource", StringComparison.Ordinal) ? inStack[..^"/Resource".Length] : inStack;
    }
}
