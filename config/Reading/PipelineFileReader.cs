using System.Globalization;
using System.Text.RegularExpressions;
using DataPipeline.Config.Model;
using S = DataPipeline.Config.Settings.PipelineFileSettings;
using SortKey = DataPipeline.Config.Model.SortKey;

namespace DataPipeline.Config.Reading;

/// <summary>Maps the YAML of pipeline.yaml onto <see cref="PipelineConfig"/>, recording every error.</summary>
internal sealed partial class PipelineFileReader
{
    public PipelineConfig Read(YamlSection root, string rootDirectory)
    {
        var config = new PipelineConfig
        {
            Project = root.Read(S.Project) ?? "",
            RootDirectory = rootDirectory,
            Environments = root.Read(S.Environments).Select(ReadEnvironment).ToList(),
            Datasets = root.Read(S.Datasets).Select(ReadDataset).OfType<DatasetDefinition>().ToList(),
            Origin = root.Origin,
        };
        root.Done();
        return config;
    }

    private static EnvironmentDeclaration ReadEnvironment(YamlSection section)
    {
        var declaration = new EnvironmentDeclaration
        {
            Name = section.Read(S.EnvironmentName) ?? "",
            Production = section.Read(S.Production) ?? S.Production.DefaultValue,
            Origin = section.Origin,
        };
        section.Done();
        return declaration;
    }

    private static DatasetDefinition? ReadDataset(YamlSection section)
    {
        var name = section.Read(S.DatasetName);
        var codec = section.Read(S.ParquetCompression) ?? S.ParquetCompression.DefaultValue;
        var maxRejectShare = section.Read(S.DatasetMaxRejectShare);
        var dataset = new DatasetDefinition
        {
            Name = name ?? "",
            Description = section.Read(S.DatasetDescription) ?? "",
            Tables = section.Read(S.Tables).Select(ReadTable).OfType<TableDefinition>()
                .Select(t => t with { Compression = codec, MaxRejectShare = t.MaxRejectShare ?? maxRejectShare }).ToList(),
            Derived = section.Read(S.Derived).Select(ReadDerived).OfType<DerivedTableDefinition>()
                .Select(d => d with { Compression = codec }).ToList(),
            Queries = section.Read(S.Queries).Select(ReadQuery).OfType<QueryDefinition>().ToList(),
            Dashboards = DashboardReader.Read(section),
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : dataset;
    }

    private static TableDefinition? ReadTable(YamlSection section)
    {
        var name = section.Read(S.TableName);
        var source = section.Read(S.Source);
        var table = new TableDefinition
        {
            Name = name ?? "",
            Source = source is null ? new SourceFormat() : ReadSource(source),
            Columns = section.Read(S.Columns).Select(ReadColumn).OfType<ColumnDefinition>().ToList(),
            Key = section.Read(S.Key) ?? [],
            OrderBy = ReadOrderBy(section),
            PartitionBy = section.Read(S.PartitionBy).Select(ReadPartition).OfType<PartitionColumn>().ToList(),
            Script = section.Read(S.Script),
            FolderColumns = section.Read(S.FolderColumns) ?? [],
            FileColumn = section.Read(S.FileColumn),
            MaxRejectShare = section.Read(S.MaxRejectShare),
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : table;
    }

    private static SourceFormat ReadSource(YamlSection section)
    {
        var format = new SourceFormat
        {
            Kind = section.Read(S.Format) ?? S.Format.DefaultValue,
            Header = section.Read(S.Header) ?? S.Header.DefaultValue,
            Delimiter = section.Read(S.Delimiter) ?? S.Delimiter.DefaultValue,
            Quote = section.Read(S.Quote) ?? S.Quote.DefaultValue,
            Encoding = section.Read(S.Encoding) ?? S.Encoding.DefaultValue,
            NullValues = section.Read(S.NullValues) ?? [],
            Origin = section.Origin,
        };
        if (format.Kind != SourceKind.Csv)
        {
            foreach (var csvOnly in new Settings.Setting[] { S.Header, S.Delimiter, S.Quote }.Where(section.Has))
            {
                section.Error(csvOnly, $"applies only to format: csv, and this table reads {S.Format.Choices.First(c => c.Value == format.Kind).Key}; remove it.");
            }
        }
        section.Done();
        return format;
    }

    private static IReadOnlyList<SortKey> ReadOrderBy(YamlSection section)
    {
        var keys = new List<SortKey>();
        foreach (var term in section.Read(S.OrderBy) ?? [])
        {
            var match = OrderTerm().Match(term);
            if (!match.Success)
            {
                section.Error(S.OrderBy, $"has '{term}'; write a column name, optionally followed by asc or desc.");
                continue;
            }
            keys.Add(new SortKey(match.Groups[1].Value, match.Groups[2].Value.Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        return keys;
    }

    private static ColumnDefinition? ReadColumn(YamlSection section)
    {
        var name = section.Read(S.ColumnName);
        var typeText = section.Read(S.ColumnType);
        var type = typeText is null ? null : ParseType(section, typeText);
        var rules = section.Read(S.Rules);
        var column = new ColumnDefinition
        {
            Name = name ?? "",
            From = section.Read(S.ColumnFrom),
            Type = type ?? new ColumnType(ColumnKind.String),
            Required = section.Read(S.ColumnRequired) ?? S.ColumnRequired.DefaultValue,
            OptionalInHeader = section.Read(S.ColumnOptionalInHeader) ?? S.ColumnOptionalInHeader.DefaultValue,
            Format = section.Read(S.DateFormat),
            NullValues = section.Read(S.ColumnNullValues),
            Rules = rules is null ? new ColumnRules() : ReadRules(rules),
            Origin = section.Origin,
        };
        section.Done();
        return name is null || type is null ? null : column;
    }

    private static ColumnType? ParseType(YamlSection section, string text)
    {
        var match = TypePattern().Match(text.Trim().ToLowerInvariant());
        if (!match.Success)
        {
            section.Error(S.ColumnType, $"is '{text}', which is not a known type; use string, int, bigint, double, decimal(p,s), boolean, date or timestamp.");
            return null;
        }
        if (match.Groups["p"].Success)
        {
            // At most two digits each (the pattern), so the numbers always fit.
            var precision = int.Parse(match.Groups["p"].Value, CultureInfo.InvariantCulture);
            var scale = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
            if (precision is < 1 or > 38 || scale > precision)
            {
                section.Error(S.ColumnType, $"is '{text}'; decimal precision must be 1 to 38 and scale at most the precision.");
                return null;
            }
            return new ColumnType(ColumnKind.Decimal, precision, scale);
        }
        if (match.Groups["wide"].Success)
        {
            section.Error(S.ColumnType, $"is '{text}'; decimal precision must be 1 to 38 and scale at most the precision.");
            return null;
        }
        return new ColumnType(Enum.Parse<ColumnKind>(match.Groups["kind"].Value, ignoreCase: true));
    }

    private static ColumnRules ReadRules(YamlSection section)
    {
        var regex = section.Read(S.Regex);
        if (regex is not null && Compiler.PortableRegex.Problem(regex) is { } problem)
        {
            section.Error(S.Regex, $"is '{regex}', which {problem}");
            regex = null;
        }
        var rules = new ColumnRules
        {
            Trim = section.Read(S.Trim) ?? S.Trim.DefaultValue,
            Lowercase = section.Read(S.Lowercase) ?? S.Lowercase.DefaultValue,
            EmptyAsNull = section.Read(S.EmptyAsNull) ?? S.EmptyAsNull.DefaultValue,
            Min = section.Read(S.Min),
            Max = section.Read(S.Max),
            AllowedValues = section.Read(S.AllowedValues) ?? [],
            Regex = regex,
        };
        if (rules.Min is { } min && rules.Max is { } max && min > max)
        {
            section.Error(S.Min, $"is {min}, larger than max {max}; swap them.");
        }
        section.Done();
        return rules;
    }

    private static PartitionColumn? ReadPartition(YamlSection section)
    {
        var name = section.Read(S.PartitionName);
        var partition = new PartitionColumn
        {
            Name = name ?? "",
            From = section.Read(S.PartitionFrom),
            Transform = section.Read(S.Transform) ?? S.Transform.DefaultValue,
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : partition;
    }

    private static DerivedTableDefinition? ReadDerived(YamlSection section)
    {
        var name = section.Read(S.DerivedName);
        var sql = section.Read(S.DerivedSql);
        var derived = new DerivedTableDefinition
        {
            Name = name ?? "",
            SqlFile = sql ?? "",
            DependsOn = section.Read(S.DependsOn) ?? [],
            PartitionBy = section.Read(S.DerivedPartitionBy) ?? [],
            Origin = section.Origin,
        };
        section.Done();
        return name is null || sql is null ? null : derived;
    }

    private static QueryDefinition? ReadQuery(YamlSection section)
    {
        var name = section.Read(S.QueryName);
        var sql = section.Read(S.QuerySql);
        var query = new QueryDefinition
        {
            Name = name ?? "",
            SqlFile = sql ?? "",
            Description = section.Read(S.QueryDescription) ?? "",
            Chart = section.Read(S.Chart) ?? S.Chart.DefaultValue,
            Origin = section.Origin,
        };
        section.Done();
        return name is null || sql is null ? null : query;
    }

    [GeneratedRegex(@"^(?<kind>string|int|bigint|double|boolean|date|timestamp)$|^decimal\((?<p>\d{1,2}),\s*(?<s>\d{1,2})\)$|^decimal\((?<wide>\d+,\s*\d+)\)$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+)(?:\s+(asc|desc|ASC|DESC))?\s*$")]
    private static partial Regex OrderTerm();
}
