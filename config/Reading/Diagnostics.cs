namespace DataPipeline.Config.Reading;

/// <summary>Collects every config error of one load, so they can be reported together.</summary>
internal sealed class Diagnostics
{
    private readonly List<ConfigError> _errors = [];

    public IReadOnlyList<ConfigError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    /// <summary>Records an error once, however many paths lead to it.</summary>
    public void Add(ConfigError error)
    {
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new ConfigException(_errors
                .OrderBy(e => e.File, StringComparer.Ordinal)
                .ThenBy(e => e.Line)
                .ToList());
        }
    }
}
