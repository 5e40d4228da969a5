namespace DataPipeline.Compiler;

/// <summary>The kinds of <see cref="TransformPlan"/>.</summary>
public static class PlanKind
{
    /// <summary>A table cleaned from staging files.</summary>
    public const string Table = "table";
    /// <summary>A table computed by the user's SQL from cleaned tables.</summary>
    public const string Derived = "derived";
}
