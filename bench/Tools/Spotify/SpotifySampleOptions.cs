namespace DataPipeline.Bench.Spotify;

/// <summary>How big and how dirty a generated Spotify sample is (bench/local_bench.py and samples/spotify).</summary>
public sealed record SpotifySampleOptions
{
    /// <summary>Distinct tracks. Tracks, features and albums get this many rows before duplicates; artists about an eighth.</summary>
    public required int Rows { get; init; }

    /// <summary>Seed of every random choice; the same rows and seed give byte-identical files. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Share of each table's rows that carry exactly one defect the cleaning rules reject. Default 0.03.</summary>
    public double DefectRate { get; init; } = 0.03;

    /// <summary>Share of each table's rows appended a second time with the same key. Default 0.02.</summary>
    public double DuplicateRate { get; init; } = 0.02;
}
