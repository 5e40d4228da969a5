using System.Text.Json;
using DataPipeline.Compiler.Internal;

namespace DataPipeline.Compiler;

/// <summary>
/// What one job does, as SQL in one dialect: read the source (or the input tables), run the steps in order, write
/// the outputs. The Glue runner (etl/glue_runner.py) and the local DuckDB engine execute it; each step is a SELECT
/// registered as a view (or a cached table when <see cref="PlanStep.Materialize"/>) under its name.
/// </summary>
public sealed record TransformPlan
{
    /// <summary>The version of this contract; executors refuse a plan of another version.</summary>
    public const int CurrentVersion = 3;

    public int Version { get; init; } = CurrentVersion;
    /// <summary>The table the plan produces.</summary>
    public required string Table { get; init; }
    public required PlanKind Kind { get; init; }
    /// <summary>The dialect the SQL is written in ("spark" or "duckdb"); runners refuse a plan for another engine.</summary>
    public required string Dialect { get; init; }
    /// <summary>How to read staging (<see cref="PlanKind.Table"/> only).</summary>
    public SourcePlan? Source { get; init; }
    /// <summary>Cleaned tables only: the warehouse rows the run merges into. Null for a derived table.</summary>
    public CurrentTable? Current { get; init; }
    /// <summary>Cleaned tables only: where the executor keeps the table's ledger of staging files processed.</summary>
    public string? Ledger { get; init; }
    /// <summary>
    /// Cleaned tables only: the largest share of this run's rows that may be rejected (0 to 1); a run rejecting more
    /// fails and writes nothing. Null: no limit.
    /// </summary>
    public decimal? MaxRejectShare { get; init; }
    /// <summary>Derived tables only: the cleaned tables read, each registered as a view named by the table.</summary>
    public IReadOnlyList<PlanInput> Inputs { get; init; } = [];
    public required IReadOnlyList<PlanStep> Steps { get; init; }
    public required IReadOnlyList<PlanOutput> Outputs { get; init; }

    /// <summary>Compact JSON with snake_case names, as passed to the Glue job in its 'plan' argument.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PlanJson.Options);

    public static TransformPlan FromJson(string json) =>
        JsonSerializer.Deserialize<TransformPlan>(json, PlanJson.Options)
        ?? throw new ArgumentException("The plan JSON is 'null'; pass the JSON of a compiled plan.", nameof(json));
}
