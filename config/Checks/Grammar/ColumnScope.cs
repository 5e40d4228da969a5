namespace DataPipeline.Config.Checks.Grammar;

/// <summary>
/// The columns a statement can name: those of the tables it reads, by table name and alias, with their declared or
/// described types. A column the scope does not know (of a subquery, a select alias) has no type here.
/// </summary>
internal sealed class ColumnScope
{
    private readonly List<(string Table, string? Alias, IReadOnlyList<DescribedColumn> Columns)> _tables = [];

    public ColumnScope(IEnumerable<TableReference> references, Func<IReadOnlyList<string>, IReadOnlyList<DescribedColumn>?> columnsOf)
    {
        foreach (var reference in references)
        {
            if (columnsOf(reference.Parts) is { } columns)
            {
                _tables.Add((reference.Parts[^1], reference.Alias, columns));
            }
        }
    }

    public ValueKind TypeOf(IReadOnlyList<string> parts)
    {
        if (parts.Count == 0)
        {
            return ValueKind.Unknown;
        }
        var name = parts[^1];
        var tables = parts.Count == 1
            ? _tables
            : _tables.Where(t => string.Equals(t.Alias ?? t.Table, parts[^2], StringComparison.OrdinalIgnoreCase)).ToList();
        var types = tables
            .SelectMany(t => t.Columns.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            .Select(c => OfCatalogType(c.Type))
            .Distinct()
            .ToList();
        return types.Count == 1 ? types[0] : ValueKind.Unknown;
    }

    /// <summary>The kind of a Glue/Athena type name (int, decimal(10,2), string...).</summary>
    public static ValueKind OfCatalogType(string type) => type.ToLowerInvariant() switch
    {
        "tinyint" or "smallint" or "int" or "integer" or "bigint" or "long" or "short" or "byte" => ValueKind.Integer,
        "double" or "float" or "real" or "double precision" => ValueKind.Double,
        "string" or "varchar" or "char" or "text" => ValueKind.Text,
        "boolean" => ValueKind.Boolean,
        "date" => ValueKind.Date,
        "timestamp" => ValueKind.Timestamp,
        var other when other.StartsWith("decimal", StringComparison.Ordinal) || other.StartsWith("numeric", StringComparison.Ordinal) || other.StartsWith("dec(", StringComparison.Ordinal) => ValueKind.Decimal,
        var other when other.StartsWith("varchar(", StringComparison.Ordinal) || other.StartsWith("char(", StringComparison.Ordinal) => ValueKind.Text,
        _ => ValueKind.Unknown,
    };
}
