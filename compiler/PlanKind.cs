namespace DataPipeline.Compiler;

/// <summary>What a <see cref="TransformPlan"/> produces.</summary>
public enum PlanKind
{
    /// <summary>A table cleaned from staging files.</summary>
    Table,
    /// <summary>A table computed by the user's SQL from cleaned tables.</summary>
    Derived,
}
