namespace DataPipeline.Config;

/// <summary>Thrown when the configuration has errors; carries every one of them.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception(FormatMessage(errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;

    private static string FormatMessage(IReadOnlyList<ConfigError> errors) =>
        $"The pipeline configuration has {errors.Count} error(s):{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
