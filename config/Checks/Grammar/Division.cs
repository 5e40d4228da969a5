namespace DataPipeline.Config.Checks.Grammar;

/// <summary>A '/' as written, with its operands.</summary>
internal sealed record Division
{
    public required int Line { get; init; }
    public required string Text { get; init; }
    public required SqlExpression Left { get; init; }
    public required SqlExpression Right { get; init; }
}
