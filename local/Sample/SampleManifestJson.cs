using System.Text.Json;

namespace DataPipeline.Local.Sample;

/// <summary>A sample's manifest as indented snake_case JSON with LF line ends; keep it beside the staging folder, not inside.</summary>
public static class SampleManifestJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string Write(SampleManifest manifest) => JsonSerializer.Serialize(manifest, Options) + "\n";

    public static SampleManifest Read(string json) =>
        JsonSerializer.Deserialize<SampleManifest>(json, Options) ?? throw new ArgumentException("The manifest JSON is 'null'.", nameof(json));
}
