namespace DataPipeline.Preview;

/// <summary>The changes that lose data or the key to it: a replaced or removed bucket or KMS key, a removed table.</summary>
internal static class DestructiveChanges
{
    public static IReadOnlyList<string> In(PreviewReport report) =>
        report.Stacks.SelectMany(Infrastructure).Concat(report.Datasets.SelectMany(Data)).ToList();

    private static IEnumerable<string> Infrastructure(StackDiff stack)
    {
        var destructive = stack.Resources.Where(r => r.IsDestructive).ToList();
        if (stack.Kind == StackChangeKind.Removed)
        {
            if (destructive.Count > 0)
            {
                yield return $"stack `{stack.Stack}` is no longer in the app; `cdk deploy` leaves it alone, but deleting it deletes or orphans its {Things(destructive)}";
            }
            yield break;
        }
        foreach (var resource in destructive)
        {
            yield return resource switch
            {
                { RenamedFrom: { } old } => $"`{stack.Stack}`: replaces {resource.Type} `{old.Label}` with `{resource.Label}` (construct renamed{Name(resource)})",
                { Kind: ResourceChangeKind.Removed, Impact: ResourceChange.WillOrphan } => $"`{stack.Stack}`: removes {resource.Type} `{resource.Label}` from the stack (retained: it stays in the account, unmanaged)",
                { Kind: ResourceChangeKind.Removed } => $"`{stack.Stack}`: deletes {resource.Type} `{resource.Label}`",
                _ => $"`{stack.Stack}`: replaces {resource.Type} `{resource.Label}` (changing {string.Join(", ", resource.Properties.Where(p => p.Replaces).Select(p => $"`{p.Name}`"))})",
            };
        }
    }

    private static IEnumerable<string> Data(DatasetDiff dataset) =>
        dataset.Tables.Where(t => t.Presence == PresenceChange.Removed)
            .Select(t => $"dataset `{dataset.Dataset}`: removes table `{t.Table}` ({(t.RowsBefore == 1 ? "1 row" : $"{t.RowsBefore:N0} rows")} before)");

    private static string Things(IReadOnlyList<ResourceChange> resources) =>
        string.Join(" and ", resources.GroupBy(r => r.Type).Select(g => $"{g.Count()} {g.Key}"));

    // CloudFormation creates the new resource before it deletes the old one, so a fixed physical name collides.
    private static string Name(ResourceChange resource) =>
        resource.Names.Count == 0
            ? ""
            : $"; both are named {string.Join(", ", resource.Names.Values.Select(n => $"`{n}`"))}, so the deploy fails with 'already exists' unless the old one is deleted first";
}
