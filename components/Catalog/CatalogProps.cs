using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;

namespace DataPipeline.Components.Catalog;

/// <summary>Properties of <see cref="Catalog"/>.</summary>
public sealed record CatalogProps
{
    public required string DatabaseName { get; init; }
    public required string CrawlerName { get; init; }
    public required string SecurityConfigurationName { get; init; }
    /// <summary>The bucket whose data-warehouse/&lt;table&gt;/ prefixes are crawled.</summary>
    public required IBucket WarehouseBucket { get; init; }
    /// <summary>The tables to crawl; each becomes tbl_&lt;table&gt; in the database.</summary>
    public required IReadOnlyList<string> Tables { get; init; }
    /// <summary>Encrypts crawler and job logs, job bookmarks and S3 writes made under the security configuration.</summary>
    public required IKey EncryptionKey { get; init; }
    /// <summary>The crawler's own schedule, a cron expression in UTC. Null: none (started by a workflow, or by hand).</summary>
    public string? ScheduleCron { get; init; }
    /// <summary>Name of the crawler role created when <see cref="CrawlerRole"/> is null.</summary>
    public required string CrawlerRoleName { get; init; }
    /// <summary>A role for the crawler. Null: a new least-privilege role named <see cref="CrawlerRoleName"/>.</summary>
    public IRole? CrawlerRole { get; init; }
    public string Description { get; init; } = "";
    /// <summary>
    /// Encrypt the account's Glue Data Catalog (metadata and connection passwords) with <see cref="EncryptionKey"/>; an
    /// account and region hold one such setting, so only one stack may turn it on. Default false.
    /// </summary>
    public bool EncryptCatalog { get; init; }
    /// <summary>Days the crawler's log group keeps logs. Default: Config.Settings.EnvironmentFileSettings.LogRetentionDays.DefaultValue.</summary>
    public int LogRetentionDays { get; init; } = Config.Settings.EnvironmentFileSettings.LogRetentionDays.DefaultValue;
}
