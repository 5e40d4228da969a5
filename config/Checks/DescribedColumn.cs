namespace DataPipeline.Config.Checks;

/// <summary>A column of a table or query result, typed as Glue and Athena name types (string, bigint, decimal(10,3)...).</summary>
public sealed record DescribedColumn(string Name, string Type);
