namespace DataPipeline.Config.Model;

/// <summary>Where and how big the pipeline runs: read from pipeline.&lt;environment&gt;.yaml.</summary>
public sealed record EnvironmentConfig
{
    public required string Name { get; init; }
    public required bool Production { get; init; }
    public required string Account { get; init; }
    public required string Region { get; init; }
    /// <summary>Default retain; destroy empties and deletes data buckets with the stack.</summary>
    public RemovalChoice RemovalPolicy { get; init; } = RemovalChoice.Retain;
    public RetentionSettings Retention { get; init; } = new();
    public AthenaSettings Athena { get; init; } = new();
    public CrawlerSettings Crawler { get; init; } = new();
    public EtlOptions Etl { get; init; } = new();
    public AlertSettings Alerts { get; init; } = new();
    public QuickSightSettings QuickSight { get; init; } = new();
    /// <summary>Encrypt the account's Glue Data Catalog with the dataset key.</summary>
    public bool GlueCatalogEncryption { get; init; } = Settings.EnvironmentFileSettings.GlueCatalogEncryption.DefaultValue;
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    /// <summary>The datasets deployed here, in the order written.</summary>
    public required IReadOnlyList<DatasetOverrides> Datasets { get; init; }
    public Origin Origin { get; init; } = Origin.Nowhere;
}
