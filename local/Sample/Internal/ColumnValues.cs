using System.Globalization;
using System.Text.RegularExpressions;
using Bogus;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;

namespace DataPipeline.Local.Sample.Internal;

/// <summary>
/// Text values for one column, as a staging file would hold them: valid ones that pass every rule (realistic where the
/// column's name says what it holds), and for each check the column has, a value that fails exactly that check.
/// Values come from Bogus (names, cities, words) and, for a column with a regex, from Fare (strings of the regex).
/// </summary>
internal sealed class ColumnValues
{
    private const int Attempts = 200;
    private readonly ColumnDefinition _column;
    private readonly Faker _faker;
    private readonly Regex? _regex;
    private readonly Fare.Xeger? _xeger;
    private readonly IReadOnlyList<string> _nullValues;

    public ColumnValues(ColumnDefinition column, IReadOnlyList<string> nullValues, Faker faker)
    {
        _column = column;
        _faker = faker;
        _nullValues = nullValues;
        if (column.Rules.Regex is { } pattern)
        {
            _regex = new Regex(pattern, RegexOptions.CultureInvariant);
            try
            {
                _xeger = new Fare.Xeger(ForFare(pattern), new Random(faker.Random.Int()));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
            {
                throw new ArgumentException($"Column '{column.Name}': no sample values can be made for its regex '{pattern}' ({e.Message}).", nameof(column), e);
            }
        }
    }

    public ColumnDefinition Column => _column;

    private ColumnRules Rules => _column.Rules;

    /// <summary>A value that passes every check of the column; numbers are written invariant, dates in the column's format.</summary>
    public string Valid(long sequence)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var value = Candidate(sequence);
            if (Passes(value))
            {
                return value;
            }
        }
        throw new ArgumentException($"Column '{_column.Name}': no sample value passes all its rules after {Attempts} tries; loosen the rules or write the sample by hand.");
    }

    /// <summary>A value as a file might hold it: sometimes with spaces the trim rule removes or capitals the lowercase rule lowers.</summary>
    public string Messy(string valid)
    {
        if (_column.Type.Kind != ColumnKind.String)
        {
            return _faker.Random.Bool(0.05f) ? $" {valid} " : valid;
        }
        if (Rules.Trim && _faker.Random.Bool(0.05f))
        {
            valid = $" {valid}  ";
        }
        if (Rules.Lowercase && _faker.Random.Bool(0.05f))
        {
            valid = valid.ToUpperInvariant();
        }
        return valid;
    }

    /// <summary>A placeholder that means a missing value, when the column may be missing and the source names some; else null.</summary>
    public string? Placeholder() => _column.Required || _nullValues.Count == 0 ? null : _faker.PickRandom(_nullValues.ToList());

    /// <summary>Values, each with the reason it is rejected for, that fail exactly one check of this column.</summary>
    public IReadOnlyList<(string Value, string Reason)> Defects()
    {
        var defects = new List<(string, string)>();
        var name = _column.Name;
        if (_column.Required)
        {
            defects.Add(("", RejectReason.MissingRequired(name)));
        }
        switch (_column.Type.Kind)
        {
            case ColumnKind.Int or ColumnKind.Bigint or ColumnKind.Double or ColumnKind.Decimal:
                defects.Add(("twelve", RejectReason.BadType(name)));
                break;
            case ColumnKind.Boolean:
                defects.Add(("maybe", RejectReason.BadType(name)));
                break;
            case ColumnKind.Date or ColumnKind.Timestamp:
                defects.Add((Date(new DateTime(2023, 2, 28, 10, 20, 30, DateTimeKind.Utc)).Replace("28", "30", StringComparison.Ordinal), RejectReason.BadType(name)));
                break;
        }
        if (OutOfRange() is { } outOfRange)
        {
            defects.Add((outOfRange, RejectReason.OutOfRange(name)));
        }
        if (Rules.AllowedValues.Count > 0)
        {
            var other = _column.Type.IsNumeric ? "987654321" : "zz_not_listed";
            defects.Add((other, RejectReason.NotAllowed(name)));
        }
        if (_regex is not null && Rules.AllowedValues.Count == 0)
        {
            var valid = Valid(0);
            var mismatch = new[] { "#" + valid, valid + "#", "#" }.FirstOrDefault(v => !_regex.IsMatch(Cleaned(v)) && PassesBeforeRegex(v));
            if (mismatch is not null)
            {
                defects.Add((mismatch, RejectReason.PatternMismatch(name)));
            }
        }
        return defects.Where(d => !_nullValues.Contains(d.Item1.Trim(' ', '\t'))).ToList();
    }

    private string Candidate(long sequence)
    {
        if (Rules.AllowedValues.Count > 0)
        {
            return _faker.PickRandom(Rules.AllowedValues.ToList());
        }
        return _column.Type.Kind switch
        {
            ColumnKind.String => Text(),
            ColumnKind.Int or ColumnKind.Bigint => Whole(),
            ColumnKind.Double => Number(3),
            ColumnKind.Decimal => Number(_column.Type.Scale),
            ColumnKind.Boolean => _faker.PickRandom("true", "false", "1", "0", "yes", "no"),
            ColumnKind.Date or ColumnKind.Timestamp => Date(_faker.Date.Between(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc))),
            _ => throw new ArgumentOutOfRangeException(nameof(sequence), _column.Type.Kind, "Unknown column type."),
        };
    }

    private string Text()
    {
        if (_xeger is not null)
        {
            return _xeger.Generate();
        }
        var name = _column.Name;
        string text = name switch
        {
            _ when name.Contains("email", StringComparison.Ordinal) => _faker.Internet.Email(),
            _ when name.Contains("first_name", StringComparison.Ordinal) => _faker.Name.FirstName(),
            _ when name.Contains("last_name", StringComparison.Ordinal) => _faker.Name.LastName(),
            _ when name.Contains("city", StringComparison.Ordinal) => _faker.Address.City(),
            _ when name.Contains("country", StringComparison.Ordinal) => _faker.Address.Country(),
            _ when name.Contains("address", StringComparison.Ordinal) || name.Contains("street", StringComparison.Ordinal) => _faker.Address.StreetAddress(),
            _ when name.Contains("phone", StringComparison.Ordinal) => _faker.Phone.PhoneNumber("###-###-####"),
            _ when name.Contains("url", StringComparison.Ordinal) || name.Contains("href", StringComparison.Ordinal) || name.Contains("uri", StringComparison.Ordinal) => _faker.Internet.Url(),
            _ when name.Contains("company", StringComparison.Ordinal) || name.Contains("label", StringComparison.Ordinal) || name.Contains("team", StringComparison.Ordinal) => _faker.Company.CompanyName(),
            _ when name.Contains("genre", StringComparison.Ordinal) || name.Contains("category", StringComparison.Ordinal) => _faker.Commerce.Categories(1)[0],
            _ when name.Contains("name", StringComparison.Ordinal) || name.Contains("artist", StringComparison.Ordinal) || name.Contains("referee", StringComparison.Ordinal) => _faker.Name.FullName(),
            _ when name.Contains("title", StringComparison.Ordinal) || name.Contains("description", StringComparison.Ordinal) || name.Contains("note", StringComparison.Ordinal) => _faker.Lorem.Sentence(5),
            _ when name.EndsWith("id", StringComparison.Ordinal) || name.Contains("code", StringComparison.Ordinal) => _faker.Random.AlphaNumeric(12),
            _ => _faker.Lorem.Word(),
        };
        if (Rules.Min is { } min && text.Length < min)
        {
            text = text.PadRight((int)Math.Min(min, 10_000), 'x');
        }
        if (Rules.Max is { } max && text.Length > max)
        {
            text = text[..(int)Math.Max(0, max)];
        }
        return Rules.Lowercase ? text.ToLowerInvariant() : text;
    }

    private string Whole()
    {
        var min = Rules.Min ?? 0;
        var max = Rules.Max ?? (_column.Type.Kind == ColumnKind.Int ? 1000 : 1_000_000_000);
        return decimal.Round(min + (max - min) * (decimal)_faker.Random.Double(), 0, MidpointRounding.ToZero).ToString("0", CultureInfo.InvariantCulture);
    }

    private string Number(int scale)
    {
        var integerDigits = _column.Type.Kind == ColumnKind.Decimal ? _column.Type.Precision - _column.Type.Scale : 6;
        var largest = integerDigits >= 6 ? 1000m : (decimal)Math.Pow(10, integerDigits) - 1;
        var min = Rules.Min ?? 0;
        var max = Rules.Max ?? largest;
        return decimal.Round(min + (max - min) * (decimal)_faker.Random.Double(), scale, MidpointRounding.ToZero).ToString(CultureInfo.InvariantCulture);
    }

    private string? OutOfRange()
    {
        if (_column.Type.Kind == ColumnKind.String)
        {
            return Rules.Max is { } longest ? new string('x', (int)Math.Min(longest + 1, 10_000)) : Rules.Min is > 1 ? "" : null;
        }
        if (!_column.Type.IsNumeric)
        {
            return null;
        }
        var step = _column.Type.Kind is ColumnKind.Int or ColumnKind.Bigint ? 1m : 0.5m;
        var value = Rules.Max is { } max ? max + step : Rules.Min is { } min ? min - step : (decimal?)null;
        return value?.ToString(CultureInfo.InvariantCulture);
    }

    private string Date(DateTime moment)
    {
        var pattern = _column.Format ?? (_column.Type.Kind == ColumnKind.Date ? Config.DatePattern.DefaultDate : Config.DatePattern.DefaultTimestamp);
        return moment.ToString(pattern.Replace("SSS", "fff", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    /// <summary>What the rules see of a value: spaces and tabs removed, A-Z lowered when the column says so.</summary>
    public string Cleaned(string value)
    {
        var text = Rules.Trim || _column.Type.Kind != ColumnKind.String ? value.Trim(' ', '\t') : value;
        return Rules.Lowercase ? new string(text.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c).ToArray()) : text;
    }

    private bool Passes(string value) => PassesBeforeRegex(value) && (_regex is null || _regex.IsMatch(Cleaned(value)));

    private bool PassesBeforeRegex(string value)
    {
        var text = Cleaned(value);
        if (_nullValues.Contains(text) || (_column.Required && text.Length == 0))
        {
            return false;
        }
        if (Rules.AllowedValues.Count > 0 && !Rules.AllowedValues.Contains(text))
        {
            return false;
        }
        if (_column.Type.Kind == ColumnKind.String)
        {
            return (Rules.Min is not { } min || text.Length >= min) && (Rules.Max is not { } max || text.Length <= max);
        }
        if (_column.Type.IsNumeric)
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && (Rules.Min is not { } low || number >= low) && (Rules.Max is not { } high || number <= high);
        }
        return true;
    }

    /// <summary>
    /// The regex in the syntax of Fare (dk.brics.automaton), which is always anchored and knows no shorthand classes:
    /// anchors dropped, \d \w \s spelled out, (?: as (, and '.' as a letter or digit so values stay readable.
    /// </summary>
    private static string ForFare(string pattern)
    {
        var text = pattern;
        if (text.StartsWith('^'))
        {
            text = text[1..];
        }
        foreach (var end in new[] { "\\z", "$" })
        {
            if (text.EndsWith(end, StringComparison.Ordinal) && !text.EndsWith("\\" + end, StringComparison.Ordinal))
            {
                text = text[..^end.Length];
            }
        }
        return text.Replace("(?:", "(", StringComparison.Ordinal)
            .Replace("\\d", "[0-9]", StringComparison.Ordinal)
            .Replace("\\w", "[0-9A-Za-z_]", StringComparison.Ordinal)
            .Replace("\\s", " ", StringComparison.Ordinal)
            .Replace(".", "[0-9A-Za-z]", StringComparison.Ordinal)
            .Replace("\\[0-9A-Za-z]", "\\.", StringComparison.Ordinal);
    }
}
