namespace DataPipeline.Config.Checks.Grammar;

/// <summary>
/// The kind of value an expression gives on one engine, from its literals, columns, casts, CASE branches, arithmetic
/// and a few common functions; Unknown for anything else, so a check stays silent rather than guess.
/// </summary>
internal static class ExpressionTypes
{
    private static readonly ValueKind[] Numbers = [ValueKind.Integer, ValueKind.Decimal, ValueKind.Double];

    public static ValueKind Of(SqlExpression expression, ColumnScope scope, SqlDialectName dialect) => expression.Kind switch
    {
        "literal" => expression.Type switch
        {
            "integer" => ValueKind.Integer,
            "decimal" => ValueKind.Decimal,
            "double" => ValueKind.Double,
            "string" => ValueKind.Text,
            "boolean" => ValueKind.Boolean,
            "null" => ValueKind.Null,
            _ => ValueKind.Unknown,
        },
        "column" => scope.TypeOf(expression.Parts),
        "cast" => ColumnScope.OfCatalogType(expression.Type ?? ""),
        "negate" => expression.Operand is { } operand ? Of(operand, scope, dialect) : ValueKind.Unknown,
        "case" => Common(expression.Results.Select(r => Of(r, scope, dialect))),
        "operator" => Arithmetic(expression, scope, dialect),
        "call" => Call(expression, scope, dialect),
        _ => ValueKind.Unknown,
    };

    private static ValueKind Arithmetic(SqlExpression expression, ColumnScope scope, SqlDialectName dialect)
    {
        if (expression.Left is null || expression.Right is null)
        {
            return ValueKind.Unknown;
        }
        var left = Of(expression.Left, scope, dialect);
        var right = Of(expression.Right, scope, dialect);
        if (!Numbers.Contains(left) || !Numbers.Contains(right))
        {
            return ValueKind.Unknown;
        }
        var common = Common([left, right]);
        return expression.Operator switch
        {
            "div" => ValueKind.Integer,
            // Spark's '/' always divides as floating point (or decimal); Trino keeps integers integers.
            "/" when dialect == SqlDialectName.Spark && common == ValueKind.Integer => ValueKind.Double,
            "+" or "-" or "*" or "/" or "%" => common,
            _ => ValueKind.Unknown,
        };
    }

    private static ValueKind Call(SqlExpression call, ColumnScope scope, SqlDialectName dialect)
    {
        var arguments = call.Arguments.Select(a => Of(a, scope, dialect)).ToList();
        var first = arguments.Count > 0 ? arguments[0] : ValueKind.Unknown;
        return call.Name switch
        {
            "count" or "count_if" or "length" or "char_length" => ValueKind.Integer,
            "avg" or "mean" => first switch
            {
                ValueKind.Decimal => ValueKind.Decimal,
                ValueKind.Integer or ValueKind.Double => ValueKind.Double,
                _ => ValueKind.Unknown,
            },
            "sum" or "min" or "max" or "abs" or "round" or "bround" => first,
            "floor" or "ceil" or "ceiling" => dialect == SqlDialectName.Spark && first == ValueKind.Double ? ValueKind.Integer : first,
            "coalesce" or "nullif" or "greatest" or "least" or "ifnull" or "nvl" => Common(arguments),
            _ => ValueKind.Unknown,
        };
    }

    /// <summary>The type several values share (CASE branches, COALESCE): the widest number, NULL ignored.</summary>
    private static ValueKind Common(IEnumerable<ValueKind> types)
    {
        var known = types.Where(t => t != ValueKind.Null).Distinct().ToList();
        if (known.Count == 0 || known.Contains(ValueKind.Unknown))
        {
            return ValueKind.Unknown;
        }
        if (known.Count == 1)
        {
            return known[0];
        }
        if (!known.All(Numbers.Contains))
        {
            return ValueKind.Unknown;
        }
        return known.Contains(ValueKind.Double) ? ValueKind.Double : ValueKind.Decimal;
    }
}
