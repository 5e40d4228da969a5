namespace DataPipeline.Local.Sample;

/// <summary>The generated staging files of one table and the outcome their cleaning must have.</summary>
public sealed record SampleTableManifest
{
    public required string Name { get; init; }

    /// <summary>The files, relative to the output folder, with forward slashes: "tracks/tracks.csv".</summary>
    public required IReadOnlyList<string> Files { get; init; }

    public required long Bytes { get; init; }

    /// <summary>Data rows in the files (headers excluded), defective rows and duplicate copies included.</summary>
    public required int RowsWritten { get; init; }

    /// <summary>Copies of good rows, later in the files, with the key of an earlier row.</summary>
    public required int DuplicatesInjected { get; init; }

    /// <summary>
    /// Copies whose order_by value is strictly greater than the original's, so the copy must win de-duplication.
    /// The other copies are identical to their original or lose to it. Always 0 for a table without order_by.
    /// </summary>
    public required int DuplicatesWonByCopy { get; init; }

    /// <summary>Rows the cleaning rules must reject, by reason ("bad_type:release_date"); each row has at most one defect.</summary>
    public required IReadOnlyDictionary<string, int> RejectsExpected { get; init; }

    /// <summary>Rows left after rejecting defects and dropping duplicate keys.</summary>
    public required int GoodUniqueRows { get; init; }
}
