using DataPipeline.Config.Model;

namespace DataPipeline.Compiler;

/// <summary>
/// Everything that differs between the SQL engines a plan runs on: quoting, literals, regex matching, date parsing
/// and type names. The compiler writes only standard SQL that Spark 3.3+ and DuckDB both accept, and asks the
/// dialect for the rest, so the two engines cannot drift apart.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Spark SQL as run by Glue 4.0 (Spark 3.3) and 5.0 (Spark 3.5).</summary>
    public static SqlDialect Spark { get; } = new SparkDialect();

    /// <summary>DuckDB, the local engine.</summary>
    public static SqlDialect DuckDb { get; } = new DuckDbDialect();

    /// <summary>Short lowercase name ("spark", "duckdb"), written into plans and snapshot file names.</summary>
    public abstract string Name { get; }

    /// <summary>The type name of text values in CAST.</summary>
    public abstract string TextType { get; }

    public abstract string Quote(string identifier);

    /// <summary>A string literal holding exactly <paramref name="text"/>.</summary>
    public abstract string Literal(string text);

    /// <summary>True when the text matches the regex anywhere (anchor it with ^ and $ to match the whole text).</summary>
    public abstract string RegexMatches(string expression, string regex);

    /// <summary>The date of a text in a Spark pattern (yyyy-MM-dd); NULL when it does not parse or is no real date.</summary>
    public abstract string ParseDate(string expression, string pattern);

    /// <summary>The timestamp of a text in a Spark pattern (yyyy-MM-dd HH:mm:ss); NULL when it does not parse.</summary>
    public abstract string ParseTimestamp(string expression, string pattern);

    public abstract string TypeName(ColumnType type);

    /// <summary>TRY_CAST: the value in the type, or NULL when it does not convert (same syntax in both engines).</summary>
    public string TryCast(string expression, ColumnType type) => $"TRY_CAST({expression} AS {TypeName(type)})";

    public override string ToString() => Name;
}
