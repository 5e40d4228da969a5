namespace DataPipeline.Local.Sample;

/// <summary>One generated staging file and the outcome its cleaning must have.</summary>
public sealed record SampleTableManifest
{
    public required string Name { get; init; }

    /// <summary>The file, relative to the output folder, with forward slashes: "tracks/tracks.csv".</summary>
    public required string File { get; init; }

    public required long Bytes { get; init; }

    /// <summary>Data rows in the file (header excluded), defective rows and duplicate copies included.</summary>
    public required int RowsWritten { get; init; }

    /// <summary>Copies of good rows appended at the end of the file with the key of an earlier row.</summary>
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
