namespace DataPipeline.Config.Checks.Grammar;

/// <summary>What sql-grammar.mjs learnt of one SQL text from the engine's grammar; the facts are empty when it does not parse.</summary>
internal sealed record ParsedStatement
{
    public IReadOnlyList<SyntaxProblem> Errors { get; init; } = [];
    public IReadOnlyList<FunctionCall> Functions { get; init; } = [];
    public IReadOnlyList<SourceText> Backquoted { get; init; } = [];
    public IReadOnlyList<TableReference> Tables { get; init; } = [];
    /// <summary>AVG calls of a saved query, with their argument.</summary>
    public IReadOnlyList<CallOfOne> Averages { get; init; } = [];
    /// <summary>ROUND and BROUND calls of a derived table, with the value rounded.</summary>
    public IReadOnlyList<CallOfOne> Rounds { get; init; } = [];
    /// <summary>'/' of a saved query, with both operands.</summary>
    public IReadOnlyList<Division> Divisions { get; init; } = [];
}
