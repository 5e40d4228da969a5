using System.Globalization;

using DataPipeline.Local.Sample;

namespace DataPipeline.Bench.Spotify;

/// <summary>Streams one table to &lt;out&gt;/&lt;table&gt;/&lt;table&gt;.csv, injecting defects and duplicate copies as planned.</summary>
internal static class TableFileWriter
{
    private const ulong PlanSalt = 0x706C616E;
    private const ulong DefectSalt = 0x64656663;
    private const ulong CopySalt = 0x636F7079;

    public static SampleTableManifest Write(string outputDirectory, SampleTable table, SpotifySampleOptions options, int tableNumber)
    {
        var file = table.Name + "/" + table.Name + ".csv";
        var path = Path.Combine(outputDirectory, table.Name, table.Name + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        var defects = (int)Math.Round(table.RowCount * options.DefectRate, MidpointRounding.AwayFromZero);
        var copies = Math.Min(table.RowCount - defects, (int)Math.Round(table.RowCount * options.DuplicateRate, MidpointRounding.AwayFromZero));
        var plan = new RowPlan(table.RowCount, defects, copies, SeededRandom.For(options.Seed, PlanSalt, tableNumber));
        var defectRandom = SeededRandom.For(options.Seed, DefectSalt, tableNumber);
        var copyRandom = SeededRandom.For(options.Seed, CopySalt, tableNumber);

        var rejects = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var copiedRows = new List<string[]>(copies);
        var defectsInjected = 0;
        var copiesThatWin = 0;
        using (var csv = new CsvFileWriter(path))
        {
            csv.WriteRow(table.Columns);
            var values = new string[table.Columns.Count];
            for (var row = 0; row < table.RowCount; row++)
            {
                table.Fill(row, values);
                switch (plan.Next())
                {
                    case RowRole.Defective:
                        var defect = table.Defects[defectsInjected++ % table.Defects.Count];
                        var column = table.IndexOf(defect.Column);
                        values[column] = defect.Corrupt(values[column], defectRandom);
                        rejects[defect.ReasonKey] = rejects.GetValueOrDefault(defect.ReasonKey) + 1;
                        break;
                    case RowRole.Copied:
                        var copy = (string[])values.Clone();
                        if (table.OrderByIndex is { } orderBy && ChangeOrderByValue(copy, orderBy, table.OrderByMax, copyRandom))
                        {
                            copiesThatWin++;
                        }
                        copiedRows.Add(copy);
                        break;
                }
                csv.WriteRow(values);
            }
            foreach (var copy in copiedRows)
            {
                csv.WriteRow(copy);
            }
        }

        return new SampleTableManifest
        {
            Name = table.Name,
            Files = [file],
            Bytes = new FileInfo(path).Length,
            RowsWritten = table.RowCount + copiedRows.Count,
            DuplicatesInjected = copiedRows.Count,
            DuplicatesWonByCopy = copiesThatWin,
            RejectsExpected = rejects,
            GoodUniqueRows = table.RowCount - defectsInjected,
        };
    }

    /// <summary>
    /// Leaves a third of the copies identical and moves the rest's order_by value up or down, so the winner is decided
    /// by order_by. Returns whether the copy now wins.
    /// </summary>
    private static bool ChangeOrderByValue(string[] copy, int column, long max, SeededRandom random)
    {
        var original = long.Parse(copy[column], CultureInfo.InvariantCulture);
        var change = random.Next(3);
        if (change == 0 || max == 0)
        {
            return false;
        }
        var raise = change == 1 ? original < max : original <= 0;
        var step = 1 + random.Next((int)Math.Clamp(original / 10, 9, int.MaxValue - 1));
        copy[column] = ValueText.Integer(raise ? Math.Min(max, original + step) : Math.Max(0, original - step));
        return raise;
    }
}
