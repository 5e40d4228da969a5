namespace DataPipeline.Config;

/// <summary>
/// The physical name of every resource of one dataset in one environment. Names are stable (they do not change
/// between deploys) and unique per account: {project}-{env}-{dataset}-..., with the account id on bucket names.
/// </summary>
public sealed record ResourceNames(string Project, string Environment, string Dataset, string Account)
{
    private string Prefix => $"{Project}-{Environment}-{Dataset.Replace('_', '-')}";

    public string Stack => Prefix;
    public string StagingBucket => $"{Prefix}-staging-{Account}";
    public string WarehouseBucket => $"{Prefix}-warehouse-{Account}";
    public string ResultsBucket => $"{Prefix}-results-{Account}";
    public string AccessLogsBucket => $"{Prefix}-logs-{Account}";
    public string KeyAlias => $"alias/{Prefix}";
    public string Database => $"{Project}_{Environment}_{Dataset}".Replace('-', '_');
    public string Crawler => $"{Prefix}-crawler";
    public string CrawlerRole => $"{Prefix}-crawler";
    public string SecurityConfiguration => Prefix;
    public string Workgroup => Prefix;
    public string Workflow => Prefix;
    public string AlertsTopic => $"{Prefix}-alerts";
    public string AlertsKeyAlias => $"alias/{Prefix}-alerts";
    public string QuickSightDataSource => $"{Prefix}-athena";

    /// <summary>The Glue Data Catalog table the crawler creates for a warehouse table.</summary>
    public static string CatalogTable(string table) => $"tbl_{table}";

    public string Job(string table) => $"{JobNamePrefix}{table.Replace('_', '-')}";
    /// <summary>Every Glue job of the dataset is named with this prefix; alerts match job events by it.</summary>
    public string JobNamePrefix => $"{Prefix}-";
    public string JobRole(string table) => $"{Prefix}-etl-{table.Replace('_', '-')}";
    /// <summary>A job that runs several tables: numbered, so it never collides with a table's job (table names start with a letter).</summary>
    public string JobGroup(string stage, int number) => $"{JobNamePrefix}{number:00}-{stage}";
    public string JobGroupRole(string stage, int number) => $"{Prefix}-etl-{number:00}-{stage}";
    /// <summary>The log groups every Glue job of the dataset writes to (the continuous logs of Glue 4.0, the logs of Glue 5.0).</summary>
    public string JobLogs => $"/aws-glue/{Prefix}/etl";
    public string QuickSightDataSet(string table) => $"{Prefix}-{table.Replace('_', '-')}";
    /// <summary>A saved query's QuickSight dataset; a SPICE copy has its own, so dashboards may read a query both ways.</summary>
    public string QuickSightQueryDataSet(string query, bool spice) => $"{Prefix}-query-{query.Replace('_', '-')}{(spice ? "-spice" : "")}";
    public string QuickSightDashboard(string dashboard) => $"{Prefix}-{dashboard.Replace('_', '-')}";
}
