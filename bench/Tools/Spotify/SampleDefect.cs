namespace DataPipeline.Bench.Spotify;

/// <summary>
/// One kind of bad value that the cleaning rules of pipeline.yaml reject for exactly one reason: one of the
/// compiler's <see cref="Compiler.RejectReason"/> functions, which also spell the reason key.
/// </summary>
internal sealed record SampleDefect(string Column, Func<string, string> Reason, Func<string, SeededRandom, string> Corrupt)
{
    public string ReasonKey => Reason(Column);

    public static SampleDefect Replace(string column, Func<string, string> reason, params string[] values) =>
        new(column, reason, (_, random) => random.Pick(values));
}
