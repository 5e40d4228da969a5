namespace DataPipeline.Config.Checks.Grammar;

/// <summary>The grammar a text is parsed with: Spark SQL for derived tables (Glue), Trino for saved queries (Athena engine version 3).</summary>
internal enum SqlDialectName
{
    Spark,
    Trino,
}
