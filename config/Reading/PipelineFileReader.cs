using System.Globalization;
using SortKey = DataPipeline.Config.Model.SortKey;
using System.Text.RegularExpressions;
using DataPipeline.Config.Model;

namespace DataPipeline.Config.Reading;

/// <summary>Maps the YAML of pipeline.yaml onto <see cref="PipelineConfig"/>, recording every error.</summary>
internal sealed partial class PipelineFileReader
{
    private static readonly Dictionary<string, SourceKind> SourceKinds = new()
    {
        ["csv"] = SourceKind.Csv,
        ["jsonl"] = SourceKind.JsonLines,
    };

    private static readonly Dictionary<string, PartitionTransform> Transforms = new()
    {
        ["identity"] = PartitionTransform.Identity,
        ["year"] = PartitionTransform.Year,
        ["month"] = PartitionTransform.Month,
        ["day"] = PartitionTransform.Day,
    };

    private static readonly Dictionary<string, ParquetCompression> Codecs = new()
    {
        ["snappy"] = ParquetCompression.Snappy,
        ["zstd"] = ParquetCompression.Zstd,
        ["gzip"] = ParquetCompression.Gzip,
    };

    private static readonly Dictionary<string, ChartKind> Charts = new()
    {
        ["auto"] = ChartKind.Auto,
        ["bar"] = ChartKind.Bar,
        ["line"] = ChartKind.Line,
        ["table"] = ChartKind.Table,
    };

    public PipelineConfig Read(YamlSection root, string rootDirectory)
    {
        var config = new PipelineConfig
        {
            Project = root.RequiredString("project"),
            RootDirectory = rootDirectory,
            Environments = root.SectionList("environments", required: true).Select(ReadEnvironment).ToList(),
            Datasets = root.SectionList("datasets", required: true).Select(ReadDataset).OfType<DatasetDefinition>().ToList(),
            Origin = root.Origin,
        };
        root.Done();
        return config;
    }

    private static EnvironmentDeclaration ReadEnvironment(YamlSection section)
    {
        var declaration = new EnvironmentDeclaration
        {
            Name = section.RequiredString("name"),
            Production = section.Bool("production") ?? false,
            Origin = section.Origin,
        };
        section.Done();
        return declaration;
    }

    private DatasetDefinition? ReadDataset(YamlSection section)
    {
        var name = section.String("name", required: true);
        var codec = section.Choice("parquet_compression", Codecs) ?? Defaults.ParquetCompression;
        var dataset = new DatasetDefinition
        {
            Name = name ?? "",
            Description = section.String("description") ?? "",
            Tables = section.SectionList("tables", required: true).Select(ReadTable).OfType<TableDefinition>()
                .Select(t => t with { Compression = codec }).ToList(),
            Derived = section.SectionList("derived").Select(ReadDerived).OfType<DerivedTableDefinition>()
                .Select(d => d with { Compression = codec }).ToList(),
            Queries = section.SectionList("queries").Select(ReadQuery).OfType<QueryDefinition>().ToList(),
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : dataset;
    }

    private TableDefinition? ReadTable(YamlSection section)
    {
        var name = section.String("name", required: true);
        var source = section.Section("source");
        var table = new TableDefinition
        {
            Name = name ?? "",
            Source = source is null ? new SourceFormat() : ReadSource(source),
            Columns = section.SectionList("columns", required: true).Select(ReadColumn).OfType<ColumnDefinition>().ToList(),
            Key = section.StringList("key") ?? [],
            OrderBy = ReadOrderBy(section),
            PartitionBy = section.SectionList("partition_by").Select(ReadPartition).OfType<PartitionColumn>().ToList(),
            Script = section.String("script"),
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : table;
    }

    private static SourceFormat ReadSource(YamlSection section)
    {
        var format = new SourceFormat
        {
            Kind = section.Choice("format", SourceKinds) ?? SourceKind.Csv,
            Header = section.Bool("header") ?? true,
            Delimiter = SingleCharacter(section, "delimiter") ?? ",",
            Quote = SingleCharacter(section, "quote") ?? "\"",
        };
        section.Done();
        return format;
    }

    private static string? SingleCharacter(YamlSection section, string key)
    {
        var value = section.String(key);
        if (value is not null && value.Length != 1)
        {
            section.Error(key, $"must be a single character, not '{value}'.");
            return null;
        }
        return value;
    }

    private static IReadOnlyList<SortKey> ReadOrderBy(YamlSection section)
    {
        var terms = section.StringList("order_by") ?? [];
        var keys = new List<SortKey>();
        foreach (var term in terms)
        {
            var match = OrderTerm().Match(term);
            if (!match.Success)
            {
                section.Error("order_by", $"has '{term}'; write a column name, optionally followed by asc or desc.");
                continue;
            }
            keys.Add(new SortKey(match.Groups[1].Value, match.Groups[2].Value.Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        return keys;
    }

    private static ColumnDefinition? ReadColumn(YamlSection section)
    {
        var name = section.String("name", required: true);
        var typeText = section.String("type", required: true);
        var type = typeText is null ? null : ParseType(section, typeText);
        var rulesSection = section.Section("rules");
        var column = new ColumnDefinition
        {
            Name = name ?? "",
            Type = type ?? new ColumnType(ColumnKind.String),
            Required = section.Bool("required") ?? false,
            Format = section.String("format"),
            Rules = rulesSection is null ? new ColumnRules() : ReadRules(rulesSection),
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
            section.Error("type", $"is '{text}', which is not a known type; use string, int, bigint, double, decimal(p,s), boolean, date or timestamp.");
            return null;
        }
        if (match.Groups["p"].Success)
        {
            var precision = int.Parse(match.Groups["p"].Value, CultureInfo.InvariantCulture);
            var scale = int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture);
            if (precision is < 1 or > 38 || scale > precision)
            {
                section.Error("type", $"is '{text}'; decimal precision must be 1 to 38 and scale at most the precision.");
                return null;
            }
            return new ColumnType(ColumnKind.Decimal, precision, scale);
        }
        return new ColumnType(Enum.Parse<ColumnKind>(match.Groups["kind"].Value, ignoreCase: true));
    }

    private static ColumnRules ReadRules(YamlSection section)
    {
        var regex = section.String("regex");
        if (regex is not null && !IsValidRegex(regex))
        {
            section.Error("regex", $"is '{regex}', which is not a valid regular expression; fix the pattern.");
        }
        var rules = new ColumnRules
        {
            Trim = section.Bool("trim") ?? false,
            Lowercase = section.Bool("lowercase") ?? false,
            EmptyAsNull = section.Bool("empty_as_null") ?? false,
            Min = section.Decimal("min"),
            Max = section.Decimal("max"),
            AllowedValues = section.StringList("allowed_values") ?? [],
            Regex = regex,
        };
        if (rules.Min is { } min && rules.Max is { } max && min > max)
        {
            section.Error("min", $"is {min}, larger than max {max}; swap them.");
        }
        section.Done();
        return rules;
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static PartitionColumn? ReadPartition(YamlSection section)
    {
        var name = section.String("name", required: true);
        var partition = new PartitionColumn
        {
            Name = name ?? "",
            From = section.String("from"),
            Transform = section.Choice("transform", Transforms) ?? PartitionTransform.Identity,
            Origin = section.Origin,
        };
        section.Done();
        return name is null ? null : partition;
    }

    private static DerivedTableDefinition? ReadDerived(YamlSection section)
    {
        var name = section.String("name", required: true);
        var sql = section.String("sql", required: true);
        var derived = new DerivedTableDefinition
        {
            Name = name ?? "",
            SqlFile = sql ?? "",
            DependsOn = section.StringList("depends_on", required: true) ?? [],
            PartitionBy = section.StringList("partition_by") ?? [],
            Origin = section.Origin,
        };
        section.Done();
        return name is null || sql is null ? null : derived;
    }

    private static QueryDefinition? ReadQuery(YamlSection section)
    {
        var name = section.String("name", required: true);
        var sql = section.String("sql", required: true);
        var query = new QueryDefinition
        {
            Name = name ?? "",
            SqlFile = sql ?? "",
            Description = section.String("description") ?? "",
            Chart = section.Choice("chart", Charts) ?? ChartKind.Auto,
            Origin = section.Origin,
        };
        section.Done();
        return name is null || sql is null ? null : query;
    }

    [GeneratedRegex(@"^(?<kind>string|int|bigint|double|boolean|date|timestamp)$|^decimal\((?<p>\d+),\s*(?<s>\d+)\)$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^\s*([A-Za-z0-9_]+)(?:\s+(asc|desc|ASC|DESC))?\s*$")]
    private static partial Regex OrderTerm();
}
