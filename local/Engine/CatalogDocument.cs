namespace DataPipeline.Local.Engine;

/// <summary>catalog.json: the Glue database of a dataset and its tables.</summary>
internal sealed record CatalogDocument
{
    public required string Database { get; init; }
    public required IReadOnlyList<CatalogTable> Tables { get; init; }
}
