using System.Text.RegularExpressions;
using DataPipeline.Compiler;
using DataPipeline.Compiler.Internal;
using DataPipeline.Config.Model;
using DataPipeline.Local.Engine;

namespace DataPipeline.Config.Checks;

/// <summary>
/// Learns the columns of a dataset's tables and queries without data: takes each table's warehouse columns from the
/// compiler, then describes each derived table's SQL against empty tables of exactly its depends_on (as its Glue job
/// sees them), and each saved query, placeholders filled, against the empty catalog. SQL that DuckDB refuses is an
/// error naming the file and line, found at synth time instead of at the first run.
/// </summary>
internal static partial class SchemaDescriber
{
    private const string Described = "_described";
    private static readonly SqlDialect Sql = SqlDialect.DuckDb;

    public static DatasetSchema Describe(DatasetPlan plan, ICollection<ConfigError> errors)
    {
        using var session = new DuckDbSession(":memory:");
        session.Execute($"CREATE SCHEMA {Sql.Quote(Described)}");
        var database = Sql.Quote(plan.Names.Database);
        session.Execute($"CREATE SCHEMA {database}");
        var tables = new Dictionary<string, IReadOnlyList<DescribedColumn>>(StringComparer.Ordinal);
        foreach (var table in plan.Dataset.Tables)
        {
            tables[table.Name] = DescribeTable(session, table);
        }
        var derived = new Dictionary<string, IReadOnlyList<DescribedColumn>>(StringComparer.Ordinal);
        foreach (var definition in plan.Dataset.Derived)
        {
            var columns = DescribeDerived(session, plan, definition, errors);
            if (columns is not null)
            {
                derived[definition.Name] = columns;
                var types = columns.Select(c => $"{Sql.Quote(c.Name)} {Sql.TypeName(CatalogTypes.Parse(c.Type))}");
                session.Execute($"CREATE TABLE {Sql.Quote(Described)}.{Sql.Quote(definition.Name)} ({string.Join(", ", types)})");
            }
        }
        foreach (var name in tables.Keys.Concat(derived.Keys))
        {
            session.Execute($"CREATE VIEW {database}.{Sql.Quote(ResourceNames.CatalogTable(name))} AS SELECT * FROM {Sql.Quote(Described)}.{Sql.Quote(name)}");
        }
        var queries = new Dictionary<string, IReadOnlyList<DescribedColumn>>(StringComparer.Ordinal);
        foreach (var query in plan.Dataset.Queries)
        {
            var text = QueryTemplate.Fill(File.ReadAllText(Path.Combine(plan.Pipeline.RootDirectory, query.SqlFile)), plan);
            if (Columns(session, text, query.SqlFile, $"the saved query '{query.Name}'", "it must run on Athena and DuckDB", errors) is { } columns)
            {
                queries[query.Name] = columns.Select(c => new DescribedColumn(c.Name, CatalogTypes.FromDuckDb(c.DuckDbType))).ToList();
            }
        }
        return new DatasetSchema { Tables = tables, Derived = derived, Queries = queries };
    }

    /// <summary>
    /// The columns the table's warehouse files hold, as the compiler writes them (what the clean step gives is
    /// checked against this in the tests); leaves an empty table of them behind.
    /// </summary>
    private static List<DescribedColumn> DescribeTable(DuckDbSession session, TableDefinition table)
    {
        var columns = TransformCompiler.WarehouseColumns(table, Sql);
        session.Execute($"CREATE TABLE {Sql.Quote(Described)}.{Sql.Quote(table.Name)} ({string.Join(", ", columns.Select(c => $"{Sql.Quote(c.Name)} {c.Type}"))})");
        return session.Query($"DESCRIBE {Sql.Quote(Described)}.{Sql.Quote(table.Name)}").Rows
            .Select(r => new DescribedColumn((string)r[0]!, CatalogTypes.FromDuckDb((string)r[1]!))).ToList();
    }

    /// <summary>The columns of a derived table's SQL, with only its depends_on registered, as warehouse types; null when it does not run.</summary>
    private static List<DescribedColumn>? DescribeDerived(DuckDbSession session, DatasetPlan plan, DerivedTableDefinition definition, ICollection<ConfigError> errors)
    {
        var path = Path.Combine(plan.Pipeline.RootDirectory, definition.SqlFile);
        string sql;
        try
        {
            sql = SingleStatement.Of(File.ReadAllText(path), definition.SqlFile);
        }
        catch (ArgumentException e)
        {
            errors.Add(new ConfigError(definition.SqlFile, 1, "", e.Message));
            return null;
        }
        foreach (var input in definition.DependsOn)
        {
            session.Execute($"CREATE TEMP VIEW {Sql.Quote(input)} AS SELECT * FROM {Sql.Quote(Described)}.{Sql.Quote(input)}");
        }
        try
        {
            var columns = Columns(session, sql, definition.SqlFile, $"the derived table '{definition.Name}'",
                $"it reads only {string.Join(", ", definition.DependsOn)} (its depends_on) and must run on Spark and DuckDB", errors);
            if (columns is null)
            {
                return null;
            }
            var warehouse = new List<DescribedColumn>();
            foreach (var (name, duckType) in columns)
            {
                if (CatalogTypes.ForWarehouse(duckType) is { } type)
                {
                    warehouse.Add(new DescribedColumn(name, CatalogTypes.Of(type)));
                }
                else
                {
                    errors.Add(new ConfigError(definition.SqlFile, 1, "", $"gives column '{name}' the type {duckType}, which the warehouse does not hold; cast it to one of string, int, bigint, double, decimal(p,s), boolean, date or timestamp."));
                }
            }
            return warehouse.Count == columns.Count ? warehouse : null;
        }
        finally
        {
            foreach (var input in definition.DependsOn)
            {
                session.Execute($"DROP VIEW IF EXISTS {Sql.Quote(input)}");
            }
        }
    }

    /// <summary>Column names and DuckDB types of a query, or an error at the line DuckDB names.</summary>
    private static List<(string Name, string DuckDbType)>? Columns(DuckDbSession session, string sql, string file, string what, string rule, ICollection<ConfigError> errors)
    {
        try
        {
            return session.Query("DESCRIBE " + sql.TrimEnd().TrimEnd(';')).Rows.Select(r => ((string)r[0]!, (string)r[1]!)).ToList();
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            var message = e.Message.Split('\n')[0].Trim();
            var line = LineOf().Match(e.Message) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            errors.Add(new ConfigError(file, line, "", $"{what} does not run on DuckDB ({message}); fix the SQL: {rule}."));
            return null;
        }
    }

    [GeneratedRegex(@"LINE (\d+):")]
    private static partial Regex LineOf();
}
