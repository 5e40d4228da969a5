namespace DataPipeline.Components.Dashboards;

/// <summary>
/// A dashboard filter on a column of one dataset, applied to every dataset with a column of that name and type
/// (CrossDataset ALL_DATASETS) on every sheet, with a control on each sheet: a multi-select dropdown, or a range slider
/// from <see cref="Minimum"/> to <see cref="Maximum"/>.
/// </summary>
public sealed record QuickSightFilter
{
    public required string FilterId { get; init; }
    public required string Title { get; init; }
    /// <summary>The <see cref="QueryDataSet.Identifier"/> of a dataset that has the column.</summary>
    public required string DataSet { get; init; }
    public required QuickSightColumn Column { get; init; }
    public bool Range { get; init; }
    public double Minimum { get; init; }
    public double Maximum { get; init; }
    public double Step { get; init; } = 1;
}
