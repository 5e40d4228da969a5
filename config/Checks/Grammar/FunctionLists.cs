namespace DataPipeline.Config.Checks.Grammar;

/// <summary>
/// The functions each engine knows, from the lists in Functions/ (each names its source): Spark 3.3 for Glue 4.0,
/// Spark 3.5 for Glue 5.0, Trino for Athena engine version 3. Names compare ignoring case.
/// </summary>
internal static class FunctionLists
{
    private static readonly Lazy<IReadOnlySet<string>> Spark33 = new(() => Read("spark-3.3.txt"));
    private static readonly Lazy<IReadOnlySet<string>> Spark35 = new(() => Read("spark-3.5.txt"));
    private static readonly Lazy<IReadOnlySet<string>> TrinoFunctions = new(() => Read("trino.txt"));

    /// <summary>The Spark version a Glue version runs, and its functions.</summary>
    public static (string Spark, IReadOnlySet<string> Functions) ForGlue(string glueVersion) => glueVersion switch
    {
        "4.0" => ("3.3", Spark33.Value),
        "5.0" => ("3.5", Spark35.Value),
        _ => throw new ArgumentException($"No Spark function list for Glue {glueVersion}.", nameof(glueVersion)),
    };

    public static IReadOnlySet<string> Trino => TrinoFunctions.Value;

    private static HashSet<string> Read(string file)
    {
        using var stream = typeof(FunctionLists).Assembly.GetManifestResourceStream("DataPipeline.Config.Checks.Functions." + file)
            ?? throw new InvalidOperationException($"The function list {file} is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
