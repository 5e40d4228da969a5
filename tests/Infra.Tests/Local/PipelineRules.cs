using System.Globalization;
using System.Text.RegularExpressions;
using DataPipeline.Config;
using DataPipeline.Config.Model;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Local;

/// <summary>
/// The cleaning rules of pipeline.yaml re-implemented plainly for the tests: trim, lowercase, empty_as_null, required,
/// type, min/max, allowed_values, regex. Returns every rule a row breaks, one reason per column, so a test can see
/// both what the cleaning rejects and whether any row breaks two rules.
/// </summary>
internal sealed class PipelineRules(TableDefinition table, IReadOnlyList<string> header)
{
    private static readonly Lazy<DatasetDefinition> Spotify = new(() => ConfigLoader.Load(RepoRoot.Path).Pipeline.Dataset("spotify"));

    public static PipelineRules For(string table, IReadOnlyList<string> header) =>
        new(Spotify.Value.Tables.Single(t => t.Name == table), header);

    public TableDefinition Table => table;

    public IReadOnlyList<string> Violations(string[] row)
    {
        if (row.Length != header.Count)
        {
            return ["malformed_row"];
        }
        var violations = new List<string>();
        for (var index = 0; index < header.Count; index++)
        {
            var column = table.Column(header[index]) ?? throw new InvalidOperationException($"pipeline.yaml has no column {header[index]} in {table.Name}.");
            if (Check(column, row[index]) is { } reason)
            {
                violations.Add(reason + ":" + column.Name);
            }
        }
        return violations;
    }

    /// <summary>The value of a column after the text rules (trim, lowercase); null when missing.</summary>
    public string? Cleaned(string[] row, string columnName)
    {
        var column = table.Column(columnName)!;
        return Clean(column, row[header.ToList().IndexOf(columnName)]);
    }

    private static string? Clean(ColumnDefinition column, string raw)
    {
        var text = column.Rules.Trim ? raw.Trim() : raw;
        text = column.Rules.Lowercase ? text.ToLowerInvariant() : text;
        var emptyIsMissing = column.Rules.EmptyAsNull || column.Type.Kind != ColumnKind.String || column.Required;
        return text.Length == 0 && emptyIsMissing ? null : text;
    }

    private static string? Check(ColumnDefinition column, string raw)
    {
        var text = Clean(column, raw);
        if (text is null)
        {
            return column.Required ? "missing_required" : null;
        }
        decimal? number = null;
        switch (column.Type.Kind)
        {
            case ColumnKind.Int or ColumnKind.Bigint:
                if (!Regex.IsMatch(text, "^-?[0-9]+$") || !long.TryParse(text, CultureInfo.InvariantCulture, out var whole)
                    || (column.Type.Kind == ColumnKind.Int && whole is < int.MinValue or > int.MaxValue))
                {
                    return "bad_type";
                }
                number = whole;
                break;
            case ColumnKind.Double or ColumnKind.Decimal:
                if (!Regex.IsMatch(text, "^-?[0-9]+([.][0-9]+)?$"))
                {
                    return "bad_type";
                }
                number = decimal.Parse(text, CultureInfo.InvariantCulture);
                break;
            case ColumnKind.Boolean:
                if (text is not ("True" or "False" or "true" or "false"))
                {
                    return "bad_type";
                }
                break;
            case ColumnKind.Date:
                var format = column.Format ?? DatePattern.DefaultDate;
                if (!Regex.IsMatch(text, DatePattern.ToRegex(format))
                    || !DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return "bad_type";
                }
                break;
        }
        if (number is { } value && (value < column.Rules.Min || value > column.Rules.Max))
        {
            return "out_of_range";
        }
        if (column.Rules.AllowedValues.Count > 0 && !column.Rules.AllowedValues.Contains(text))
        {
            return "not_allowed";
        }
        if (column.Rules.Regex is { } pattern && !Regex.IsMatch(text, pattern))
        {
            return "pattern_mismatch";
        }
        return null;
    }
}
