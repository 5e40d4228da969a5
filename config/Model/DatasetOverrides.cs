namespace DataPipeline.Config.Model;

/// <summary>A dataset deployed in an environment, with the settings it overrides there.</summary>
public sealed record DatasetOverrides
{
    public required string Name { get; init; }
    public AthenaSettings? Athena { get; init; }
    public CrawlerSettings? Crawler { get; init; }
    public EtlOptions? Etl { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;
}
