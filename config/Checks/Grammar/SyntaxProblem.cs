namespace DataPipeline.Config.Checks.Grammar;

/// <summary>A syntax error the grammar reported: where, its text, the token it stopped at and the tokens around it.</summary>
internal sealed record SyntaxProblem
{
    public required int Line { get; init; }
    public required string Message { get; init; }
    public string Token { get; init; } = "";
    public IReadOnlyList<string> Before { get; init; } = [];
    public string After { get; init; } = "";
}
