namespace DataPipeline.Local.Engine;

/// <summary>
/// One staging file a run processed, as the table's ledger (_state/&lt;table&gt;/ledger.jsonl) records it; the Glue
/// runner writes the same fields, with the object's ETag as its fingerprint.
/// </summary>
internal sealed record LedgerEntry
{
    /// <summary>The file's path under staging/&lt;table&gt;/.</summary>
    public required string Path { get; init; }
    public required long Size { get; init; }
    /// <summary>Locally "xxh128:" and the XXH128 hash of the file's bytes (SHA-256 in older ledgers); on S3 the object's ETag.</summary>
    public required string Fingerprint { get; init; }
    /// <summary>Its modification time in UTC, as the plan's _arrival spells it.</summary>
    public required string Modified { get; init; }
    public required string RunId { get; init; }
    public required long RowsRead { get; init; }
}
