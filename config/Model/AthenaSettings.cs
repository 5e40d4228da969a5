namespace DataPipeline.Config.Model;

/// <summary>Athena workgroup settings. Defaults: <see cref="Defaults"/>.</summary>
public sealed record AthenaSettings
{
    public int BytesScannedCutoffMb { get; init; } = Defaults.BytesScannedCutoffMb;

    public long BytesScannedCutoff => BytesScannedCutoffMb * 1_000_000L;
}
