namespace DataPipeline.Local.Sample;

/// <summary>How big and how dirty a generated sample is.</summary>
public sealed record SampleOptions
{
    /// <summary>Rows written per table, defective rows and duplicate copies included. Default 1,000.</summary>
    public int Rows { get; init; } = 1000;

    /// <summary>Seed of every random choice; the same definition, rows and seed give identical files. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of rows that carry exactly one defect the table's rules reject. Default 0.03.</summary>
    public double DefectRate { get; init; } = 0.03;

    /// <summary>Share of rows that repeat an earlier good row (the same record delivered twice). Default 0.02.</summary>
    public double DuplicateRate { get; init; } = 0.02;
}
