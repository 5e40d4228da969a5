namespace DataPipeline.Config;

/// <summary>One problem in the user's YAML: where it is, which key, and what to do about it.</summary>
public sealed record ConfigError(string File, int Line, string Key, string Message)
{
    public override string ToString() => Key.Length == 0
        ? $"{File} line {Line}: {Message}"
        : $"{File} line {Line}: '{Key}' {Message}";
}
