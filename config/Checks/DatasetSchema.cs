namespace DataPipeline.Config.Checks;

/// <summary>
/// The columns of a dataset's warehouse tables and saved query results, learnt before anything runs by describing
/// the compiled plans and the user's SQL on embedded DuckDB against empty tables of the declared schemas.
/// </summary>
public sealed record DatasetSchema
{
    public static DatasetSchema Empty { get; } = new();

    /// <summary>Cleaned tables: declared columns, the file column and derived partition columns, as the clean step writes them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DescribedColumn>> Tables { get; init; } = new Dictionary<string, IReadOnlyList<DescribedColumn>>();

    /// <summary>Derived tables: the columns of the user's SQL, which the compiled plan casts to these types on every engine.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DescribedColumn>> Derived { get; init; } = new Dictionary<string, IReadOnlyList<DescribedColumn>>();

    /// <summary>Saved queries: the columns of their results.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DescribedColumn>> Queries { get; init; } = new Dictionary<string, IReadOnlyList<DescribedColumn>>();

    /// <summary>The columns of a cleaned or derived table.</summary>
    public IReadOnlyList<DescribedColumn> Table(string name) =>
        Tables.TryGetValue(name, out var columns) || Derived.TryGetValue(name, out columns)
            ? columns
            : throw new ArgumentException($"The dataset has no table '{name}'.", nameof(name));
}
