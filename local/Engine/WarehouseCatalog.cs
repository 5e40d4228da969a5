using System.Text.Json;
using DataPipeline.Compiler;
using DataPipeline.Config;
using DataPipeline.Config.Checks;

namespace DataPipeline.Local.Engine;

/// <summary>
/// Does locally what the crawler does in AWS: a schema named like the Glue database holding a view tbl_&lt;table&gt;
/// over each table's Parquet, and catalog.json describing them. View paths are RELATIVE to the dataset's output
/// folder (data-warehouse/&lt;table&gt;/**/*.parquet), so the folder can move; DuckDB resolves them against the
/// current directory or file_search_path, hence: cd &lt;out&gt;/&lt;dataset&gt; before opening warehouse.duckdb.
/// </summary>
internal static class WarehouseCatalog
{
    private static readonly SqlDialect Sql = SqlDialect.DuckDb;
    public const string CatalogFileName = "catalog.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <param name="tables">Each warehouse table with its partition columns.</param>
    /// <param name="outputFolder">The dataset's output folder; catalog.json is written there.</param>
    /// <param name="schema">The described columns, for the view of a table whose folder holds no file yet.</param>
    public static CatalogDocument Write(DuckDbSession session, string database, IReadOnlyList<(string Table, IReadOnlyList<string> PartitionBy)> tables, DatasetSchema schema, string outputFolder)
    {
        var quotedDatabase = Sql.Quote(database);
        session.Execute($"CREATE SCHEMA IF NOT EXISTS {quotedDatabase}");
        var entries = new List<CatalogTable>();
        foreach (var (table, partitionBy) in tables)
        {
            var view = $"{quotedDatabase}.{Sql.Quote(ResourceNames.CatalogTable(table))}";
            var location = WarehouseFolders.Data(table);
            var source = HoldsParquet(Path.Combine(outputFolder, location))
                ? $"SELECT * FROM {PlanExecutor.ParquetScan(location)}"
                : $"SELECT {string.Join(", ", schema.Table(table).Select(c => $"CAST(NULL AS {Sql.TypeName(CatalogTypes.Parse(c.Type))}) AS {Sql.Quote(c.Name)}"))} WHERE false";
            session.Execute($"CREATE OR REPLACE VIEW {view} AS {source}");
            var described = session.Query($"DESCRIBE {view}").Rows
                .Select(r => new CatalogColumn { Name = (string)r[0]!, Type = CatalogTypes.FromDuckDb((string)r[1]!) })
                .ToList();
            entries.Add(new CatalogTable
            {
                Name = ResourceNames.CatalogTable(table),
                Location = location,
                Columns = described.Where(c => !partitionBy.Contains(c.Name)).ToList(),
                PartitionKeys = described.Where(c => partitionBy.Contains(c.Name)).ToList(),
            });
        }
        var document = new CatalogDocument { Database = database, Tables = entries };
        File.WriteAllText(Path.Combine(outputFolder, CatalogFileName), JsonSerializer.Serialize(document, Json) + "\n");
        return document;
    }

    private static bool HoldsParquet(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any();
}
