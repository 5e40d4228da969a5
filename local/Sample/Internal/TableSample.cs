using System.Text;
using System.Text.Json;
using Bogus;
using DataPipeline.Compiler;
using DataPipeline.Config.Model;

namespace DataPipeline.Local.Sample.Internal;

/// <summary>
/// The staging files of one table: rows of valid values, a share of rows that each fail exactly one check (the
/// manifest counts them by reason), exact copies of good rows (re-delivered records, dropped as duplicates), written
/// in the table's format and encoding under Hive-style folders for its folder columns. Only a table with a key gets copies:
/// without one, nothing is de-duplicated.
/// </summary>
internal sealed class TableSample(TableDefinition table, SampleOptions options, Faker faker)
{
    private const int FolderValues = 3;
    private readonly List<ColumnValues> _columns = table.Columns
        .Select(c => new ColumnValues(c, c.NullValues ?? table.Source.NullValues, faker)).ToList();

    public SampleTableManifest Write(string outputFolder)
    {
        var inFile = _columns.Where(c => !table.IsFolderColumn(c.Column)).ToList();
        var folders = _columns.Where(c => table.IsFolderColumn(c.Column))
            .Select(c => (Column: c, Values: Enumerable.Range(0, FolderValues).Select(i => FolderValue(c, i)).Distinct().ToList()))
            .ToList();
        var defects = inFile.SelectMany(c => c.Defects().Select(d => (Column: c, d.Value, d.Reason))).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var files = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var rejects = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var good = new List<(string Folder, string Line)>();
        var copies = 0;
        for (var row = 0; row < options.Rows; row++)
        {
            var folder = string.Concat(folders.Select(f => $"{f.Column.Column.SourceName}={faker.PickRandom(f.Values)}/"));
            var lines = files.TryGetValue(folder, out var existing) ? existing : files[folder] = [];
            var roll = faker.Random.Double();
            if (table.Key.Count > 0 && good.Count > 0 && roll < options.DuplicateRate)
            {
                var original = faker.PickRandom(good);
                files[original.Folder].Add(original.Line);
                copies++;
                continue;
            }
            var values = UniqueRow(inFile, keys, row);
            if (roll < options.DuplicateRate + options.DefectRate && (defects.Count > 0 || CanBeMalformed))
            {
                var pick = faker.Random.Int(0, defects.Count - (CanBeMalformed ? 0 : 1));
                if (pick == defects.Count)
                {
                    lines.Add(Malformed(inFile, values));
                    rejects[RejectReason.MalformedRow] = rejects.GetValueOrDefault(RejectReason.MalformedRow) + 1;
                    continue;
                }
                var defect = defects[pick];
                values[inFile.IndexOf(defect.Column)] = defect.Value;
                lines.Add(Record(inFile, values));
                rejects[defect.Reason] = rejects.GetValueOrDefault(defect.Reason) + 1;
                continue;
            }
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = inFile[i].Placeholder() is { } placeholder && faker.Random.Bool(0.02f) ? placeholder : inFile[i].Messy(values[i]);
            }
            var line = Record(inFile, values);
            lines.Add(line);
            good.Add((folder, line));
        }
        var written = WriteFiles(outputFolder, inFile, files);
        return new SampleTableManifest
        {
            Name = table.Name,
            Files = written.Select(w => w.Path).ToList(),
            Bytes = written.Sum(w => w.Bytes),
            RowsWritten = options.Rows,
            DuplicatesInjected = copies,
            DuplicatesWonByCopy = 0,
            RejectsExpected = rejects,
            GoodUniqueRows = good.Count,
        };
    }

    private bool CanBeMalformed => table.Source.Kind != SourceKind.Csv || _columns.Count(c => !table.IsFolderColumn(c.Column)) > 0;

    /// <summary>Valid values whose key (all key columns together) no earlier row has.</summary>
    private string[] UniqueRow(List<ColumnValues> inFile, HashSet<string> keys, int row)
    {
        for (var attempt = 0; ; attempt++)
        {
            var values = inFile.Select(c => c.Valid(row)).ToArray();
            if (table.Key.Count == 0)
            {
                return values;
            }
            var key = string.Join("\u001f", table.Key.Select(k => inFile.FindIndex(c => string.Equals(c.Column.Name, k, StringComparison.OrdinalIgnoreCase)))
                .Select(i => i < 0 ? "" : inFile[i].Cleaned(values[i])));
            if (keys.Add(key))
            {
                return values;
            }
            if (attempt > 1000)
            {
                throw new ArgumentException($"Table '{table.Name}': the key {string.Join(", ", table.Key)} has too few distinct values for {options.Rows} rows; ask for fewer rows.");
            }
        }
    }

    private static string FolderValue(ColumnValues column, int index)
    {
        var value = column.Valid(index);
        return new string(value.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray()) is { Length: > 0 } safe ? safe : $"v{index}";
    }

    private string Record(IReadOnlyList<ColumnValues> columns, string[] values)
    {
        if (table.Source.Kind == SourceKind.Csv)
        {
            var delimiter = table.Source.Delimiter[0];
            var quote = table.Source.Quote[0];
            return string.Join(delimiter, values.Select(v => v.Length == 0 ? $"{quote}{quote}"
                : v.Contains(delimiter) || v.Contains(quote) || v[0] == quote ? quote + v.Replace(quote.ToString(), $"{quote}{quote}") + quote : v));
        }
        return JsonSerializer.Serialize(columns.Zip(values).ToDictionary(p => p.First.Column.SourceName, p => p.Second));
    }

    private string Malformed(IReadOnlyList<ColumnValues> columns, string[] values) =>
        table.Source.Kind == SourceKind.Csv
            ? Record(columns, values) + table.Source.Delimiter + "an extra field"
            : table.Source.Kind == SourceKind.Json ? "\"not an object\"" : "{\"" + columns[0].Column.SourceName + "\": unfinished";

    private List<(string Path, long Bytes)> WriteFiles(string outputFolder, IReadOnlyList<ColumnValues> columns, SortedDictionary<string, List<string>> files)
    {
        var extension = table.Source.Kind switch { SourceKind.Csv => "csv", SourceKind.JsonLines => "jsonl", _ => "json" };
        var encoding = table.Source.Encoding switch
        {
            SourceEncoding.Latin1 => Encoding.GetEncoding("ISO-8859-1", EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback),
            SourceEncoding.Utf16 => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            _ => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        var written = new List<(string, long)>();
        foreach (var (folder, lines) in files.Where(f => f.Value.Count > 0))
        {
            var relative = $"{table.Name}/{folder}{table.Name}.{extension}";
            var path = Path.Combine(outputFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = new StringBuilder();
            if (table.Source.Kind == SourceKind.Json)
            {
                text.Append("[\n").AppendJoin(",\n", lines.Select(l => "  " + l)).Append("\n]\n");
            }
            else
            {
                if (table.Source is { Kind: SourceKind.Csv, Header: true })
                {
                    text.Append(Record(columns, columns.Select(c => c.Column.SourceName).ToArray())).Append('\n');
                }
                foreach (var line in lines)
                {
                    text.Append(line).Append('\n');
                }
            }
            File.WriteAllText(path, text.ToString(), encoding);
            written.Add((relative, new FileInfo(path).Length));
        }
        return written;
    }
}
