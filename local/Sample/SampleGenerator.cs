using Bogus;
using DataPipeline.Config.Model;
using DataPipeline.Local.Sample.Internal;

namespace DataPipeline.Local.Sample;

/// <summary>
/// Writes staging files for any dataset from its table definitions (types, rules, keys, allowed values, regexes,
/// folder columns, formats and encodings), with defects and duplicates in known numbers, and returns the manifest of
/// what cleaning must produce. Values come from Bogus, a fake-data library; the same seed gives the same files.
/// </summary>
public static class SampleGenerator
{
    public static SampleManifest Write(DatasetDefinition dataset, string outputFolder, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rows < 1)
        {
            throw new ArgumentException("Rows must be at least 1; ask for the rows to write per table.", nameof(options));
        }
        if (options.DefectRate is not (>= 0 and <= 1) || options.DuplicateRate is not (>= 0 and <= 1) || options.DefectRate + options.DuplicateRate > 1)
        {
            throw new ArgumentException("DefectRate and DuplicateRate must each be between 0 and 1 and add up to at most 1.", nameof(options));
        }
        var tables = dataset.Tables.Select((table, index) =>
        {
            var faker = new Faker("en") { Random = new Randomizer(unchecked(options.Seed * 7919 + index)) };
            return new TableSample(table, options, faker).Write(outputFolder);
        }).ToList();
        return new SampleManifest
        {
            Rows = options.Rows,
            Seed = options.Seed,
            DefectRate = options.DefectRate,
            DuplicateRate = options.DuplicateRate,
            Tables = tables,
        };
    }
}
