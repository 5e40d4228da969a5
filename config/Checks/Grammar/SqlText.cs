namespace DataPipeline.Config.Checks.Grammar;

/// <summary>One SQL file to check: its text as the engine gets it, its grammar, and where its columns' types come from.</summary>
internal sealed record SqlText
{
    public required string File { get; init; }
    public required SqlDialectName Dialect { get; init; }
    public required string Sql { get; init; }
    /// <summary>Derived tables: the Glue versions their job runs on, in the environments that deploy the dataset.</summary>
    public IReadOnlyList<string> GlueVersions { get; init; } = [];
    /// <summary>The columns of a table the SQL names (by its name parts), or null for a table the dataset does not have.</summary>
    public required Func<IReadOnlyList<string>, IReadOnlyList<DescribedColumn>?> ColumnsOf { get; init; }
}
