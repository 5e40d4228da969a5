namespace DataPipeline.Config.Checks.Grammar;

/// <summary>A call of a function whose first argument decides a check (AVG, ROUND), as written, with that argument.</summary>
internal sealed record CallOfOne
{
    public required int Line { get; init; }
    public required string Text { get; init; }
    public required SqlExpression Argument { get; init; }
}
