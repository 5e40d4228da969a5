namespace DataPipeline.Config.Model;

/// <summary>How the local report shows a query's result. Auto picks bar or line from the result's shape, else a table.</summary>
public enum ChartKind
{
    Auto,
    Bar,
    Line,
    Table,
}
