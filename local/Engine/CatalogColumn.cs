namespace DataPipeline.Local.Engine;

/// <summary>A column of a catalog table, typed as Glue and Athena name types (string, bigint, decimal(10,3)...).</summary>
internal sealed record CatalogColumn
{
    public required string Name { get; init; }
    public required string Type { get; init; }
}
