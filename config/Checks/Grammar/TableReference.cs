namespace DataPipeline.Config.Checks.Grammar;

/// <summary>A table read in a FROM or JOIN: its name parts (database.table) and its alias, if any.</summary>
internal sealed record TableReference
{
    public IReadOnlyList<string> Parts { get; init; } = [];
    public string? Alias { get; init; }
}
