namespace DataPipeline.Local.Sample;

/// <summary>One kind of bad value that the cleaning rules of pipeline.yaml reject for exactly one reason.</summary>
internal sealed record SampleDefect(string Column, string Reason, Func<string, SeededRandom, string> Corrupt)
{
    public string ReasonKey => Reason + ":" + Column;

    public static SampleDefect Replace(string column, string reason, params string[] values) =>
        new(column, reason, (_, random) => random.Pick(values));
}
