namespace DataPipeline.Bench.Spotify;

/// <summary>One staging file: its columns as in pipeline.yaml, its key, and how to make its rows in order.</summary>
internal abstract class SampleTable
{
    protected SampleTable(string name, IReadOnlyList<string> columns, string keyColumn, string? orderByColumn, int rowCount)
    {
        Name = name;
        Columns = columns;
        KeyIndex = IndexOf(keyColumn);
        OrderByIndex = orderByColumn is null ? null : IndexOf(orderByColumn);
        RowCount = rowCount;
    }

    public string Name { get; }
    public IReadOnlyList<string> Columns { get; }
    public int KeyIndex { get; }

    /// <summary>The column of "order_by: [column desc]"; the highest value wins de-duplication. Null: no order_by.</summary>
    public int? OrderByIndex { get; }

    /// <summary>Largest realistic value of the order_by column, so a winning copy stays in range.</summary>
    public virtual long OrderByMax => 100;

    public int RowCount { get; }

    /// <summary>The defects dealt in turn to the defective rows; a kind listed twice is injected twice as often.</summary>
    public abstract IReadOnlyList<SampleDefect> Defects { get; }

    /// <summary>Fills the values of row <paramref name="row"/>; called once per row, in order from 0.</summary>
    public abstract void Fill(int row, string[] values);

    public int IndexOf(string column)
    {
        for (var index = 0; index < Columns.Count; index++)
        {
            if (Columns[index] == column)
            {
                return index;
            }
        }
        throw new InvalidOperationException($"Table {Name} has no column '{column}'.");
    }

    /// <summary>A popularity 0..100: a few zeros, most between 20 and 70.</summary>
    protected static int Popularity(SeededRandom random, double mean) =>
        random.Chance(0.03) ? 0 : (int)Math.Clamp(Math.Round(random.Normal(mean, 17)), 0, 100);
}
