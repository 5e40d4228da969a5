using DataPipeline.Config.Settings;

namespace DataPipeline.Config.Model;

/// <summary>Athena workgroup settings. Keys and defaults: <see cref="Settings.EnvironmentFileSettings"/>.</summary>
public sealed record AthenaSettings
{
    public int BytesScannedCutoffMb { get; init; } = EnvironmentFileSettings.BytesScannedCutoffMb.DefaultValue;

    public long BytesScannedCutoff => BytesScannedCutoffMb * 1_000_000L;
}
