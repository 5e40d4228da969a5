namespace DataPipeline.Compiler;

/// <summary>One SELECT of a plan, registered under <see cref="Name"/> so later steps can read it.</summary>
public sealed record PlanStep
{
    public required string Name { get; init; }
    /// <summary>A single SELECT statement without a trailing semicolon.</summary>
    public required string Sql { get; init; }
    /// <summary>Compute once and keep (Spark persist, DuckDB temp table) because several steps read it. Default false: a view.</summary>
    public bool Materialize { get; init; }
    /// <summary>
    /// The step's rows are problems that stop the table: each has a column "message" to show the user. The executor
    /// reads it right after registering it, before later steps run. Default false.
    /// </summary>
    public bool StopsOnRows { get; init; }
}
