namespace DataPipeline.Config.Checks.Grammar;

/// <summary>What sql-grammar.mjs prints: one result per SQL text of the request, in order.</summary>
internal sealed record GrammarResponse
{
    public IReadOnlyList<ParsedStatement> Statements { get; init; } = [];
}
