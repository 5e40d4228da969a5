using DataPipeline.Config.Model;

namespace DataPipeline.Local.Engine;

/// <summary>The staging files of one table, checked before DuckDB reads them. Files are only ever read.</summary>
internal static class StagingFiles
{
    /// <summary>Every *.csv or *.jsonl file directly in &lt;staging&gt;/&lt;table&gt;/, in name order.</summary>
    public static IReadOnlyList<string> Of(string stagingFolder, TableDefinition table)
    {
        var folder = Path.Combine(stagingFolder, table.Name);
        var extension = table.Source.Kind == SourceKind.JsonLines ? ".jsonl" : ".csv";
        if (!Directory.Exists(folder))
        {
            throw new LocalRunException($"Staging folder {folder} for table '{table.Name}' does not exist; put the table's {extension} files there, or pass --staging with the folder that holds {table.Name}/.");
        }
        var files = Directory.EnumerateFiles(folder, "*" + extension)
            .Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new LocalRunException($"Staging folder {folder} has no {extension} files for table '{table.Name}'; put at least one there.");
        }
        if (table.Source.Kind == SourceKind.Csv && table.Source.Header)
        {
            files.ForEach(file => CheckHeader(file, table));
        }
        return files;
    }

    /// <summary>
    /// Spark (enforceSchema) would silently take columns by position; a renamed or reordered column would then
    /// land in the wrong place, so the local run refuses the file instead.
    /// </summary>
    private static void CheckHeader(string file, TableDefinition table)
    {
        using var reader = new StreamReader(file);
        var line = reader.ReadLine();
        if (line is null)
        {
            return; // an empty file holds no rows, as in Spark
        }
        var found = CsvHeader.Split(line, table.Source.Delimiter, table.Source.Quote);
        var expected = table.Columns.Select(c => c.Name).ToList();
        var matches = found.Count == expected.Count
            && found.Zip(expected).All(pair => string.Equals(pair.First.Trim(), pair.Second, StringComparison.OrdinalIgnoreCase));
        if (!matches)
        {
            throw new LocalRunException(
                $"{file}: the header does not match the columns of table '{table.Name}' in pipeline.yaml.{Environment.NewLine}" +
                $"  expected: {string.Join(",", expected)}{Environment.NewLine}" +
                $"  found:    {string.Join(",", found)}{Environment.NewLine}" +
                "Fix the file's first line, or the table's columns in pipeline.yaml (same names, same order).");
        }
    }
}
