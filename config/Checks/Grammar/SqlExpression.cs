namespace DataPipeline.Config.Checks.Grammar;

/// <summary>
/// An expression as the grammar tree gives it, reduced to what typing needs. Kind is literal (Type: integer, decimal,
/// double, string, boolean, null), column (Parts), cast (Type, Operand), call (Name, Arguments), operator (Operator,
/// Left, Right), negate (Operand), case (Results) or other.
/// </summary>
internal sealed record SqlExpression
{
    public required string Kind { get; init; }
    public string? Type { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<string> Parts { get; init; } = [];
    public string? Name { get; init; }
    public IReadOnlyList<SqlExpression> Arguments { get; init; } = [];
    public string? Operator { get; init; }
    public SqlExpression? Left { get; init; }
    public SqlExpression? Right { get; init; }
    public SqlExpression? Operand { get; init; }
    public IReadOnlyList<SqlExpression> Results { get; init; } = [];
}
