using DataPipeline.Preview;
using DataPipeline.Tests.Kit;

namespace DataPipeline.Tests.Preview;

public sealed class QueryComparerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private string Csv(string name, params string[] lines)
    {
        var file = Path.Combine(_folder.Path, name + ".csv");
        File.WriteAllLines(file, lines);
        return file;
    }

    [Fact]
    public void A_result_with_the_same_lines_is_unchanged() =>
        Assert.False(QueryComparer.Compare("q", Csv("a", "day,total", "1,5"), Csv("b", "day,total", "1,5")).Changed);

    [Fact]
    public void The_excerpt_holds_the_lines_only_each_side_has_and_counts_the_rest()
    {
        var before = Csv("a", ["day,total", .. Enumerable.Range(1, 8).Select(i => $"{i},{i}")]);
        var after = Csv("b", ["day,total", "1,1", .. Enumerable.Range(2, 7).Select(i => $"{i},{i * 10}")]);

        var diff = QueryComparer.Compare("q", before, after);

        Assert.True(diff.Changed);
        Assert.Equal(["2,2", "3,3", "4,4", "5,5", "6,6"], diff.LinesBefore);
        Assert.Equal(["2,20", "3,30", "4,40", "5,50", "6,60"], diff.LinesAfter);
        Assert.Equal(4, diff.MoreLines);
    }

    [Fact]
    public void Rows_in_another_order_are_a_change_with_no_line_of_its_own()
    {
        var diff = QueryComparer.Compare("q", Csv("a", "day,total", "1,5", "2,6"), Csv("b", "day,total", "2,6", "1,5"));

        Assert.True(diff.Changed);
        Assert.Empty(diff.LinesBefore);
        Assert.Empty(diff.LinesAfter);
    }

    public void Dispose() => _folder.Dispose();
}
