using DataPipeline.Local.Engine;
using DataPipeline.Preview;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Preview;

public sealed class WarehouseComparerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private string Table(string side, string select)
    {
        var folder = Path.Combine(_folder.Path, side, "orders");
        Directory.CreateDirectory(folder);
        using var session = new DuckDbSession(":memory:");
        session.Execute($"COPY ({select}) TO '{Path.Combine(folder, "part-00000.parquet")}' (FORMAT PARQUET)");
        return folder;
    }

    [Fact]
    public void Rows_are_matched_by_key_into_added_removed_and_changed()
    {
        var before = Table("base", "SELECT * FROM (VALUES ('o1', 10.0), ('o2', 5.0), ('o3', 1.0)) t(order_id, amount)");
        var after = Table("head", "SELECT * FROM (VALUES ('o1', 10.0), ('o2', 6.0), ('o4', 2.0), ('o5', 2.0)) t(order_id, amount)");

        var diff = WarehouseComparer.Compare("orders", before, after, ["order_id"], ["order_id"]);

        Assert.Equal((3L, 4L, 2L, 1L, 1L), (diff.RowsBefore, diff.RowsAfter, diff.Added, diff.Removed, diff.Changed));
        Assert.Equal(["order_id"], diff.Key);
    }

    [Fact]
    public void A_table_without_a_key_is_compared_as_a_multiset_of_rows()
    {
        var before = Table("base", "SELECT * FROM (VALUES ('de', 2), ('de', 2), ('fr', 1)) t(country, plays)");
        var after = Table("head", "SELECT * FROM (VALUES ('de', 2), ('fr', 1), ('fr', 1), ('us', 4)) t(country, plays)");

        var diff = WarehouseComparer.Compare("orders", before, after, [], []);

        Assert.Equal((2L, 1L, (long?)null), (diff.Added, diff.Removed, diff.Changed));
        Assert.Empty(diff.Key);
    }

    [Fact]
    public void Columns_added_removed_and_retyped_are_listed_with_their_duckdb_types()
    {
        var before = Table("base", "SELECT 'o1' AS order_id, 2::INTEGER AS quantity, 'x' AS note");
        var after = Table("head", "SELECT 'o1' AS order_id, 2::BIGINT AS quantity, 'web' AS channel");

        var diff = WarehouseComparer.Compare("orders", before, after, ["order_id"], ["order_id"]);

        Assert.Equal(
            [new ColumnChange { Name = "channel", After = "VARCHAR" }, new ColumnChange { Name = "note", Before = "VARCHAR" }, new ColumnChange { Name = "quantity", Before = "INTEGER", After = "BIGINT" }],
            diff.Columns);
        Assert.Equal(0, diff.Changed);
    }

    [Fact]
    public void A_table_only_the_base_has_is_removed_with_all_its_rows()
    {
        var before = Table("base", "SELECT * FROM (VALUES ('o1'), ('o2')) t(order_id)");

        var diff = WarehouseComparer.Compare("orders", before, null, ["order_id"], []);

        Assert.Equal((PresenceChange.Removed, 2L, 2L, 0L), (diff.Presence, diff.RowsBefore, diff.Removed, diff.RowsAfter));
    }

    public void Dispose() => _folder.Dispose();
}
