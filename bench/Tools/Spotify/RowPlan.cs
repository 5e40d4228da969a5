namespace DataPipeline.Bench.Spotify;

/// <summary>
/// Deals each row one role so that exactly the planned numbers of defective and copied rows come out, spread at
/// random (selection sampling), without knowing the rows in advance. A row never gets two roles.
/// </summary>
internal sealed class RowPlan(int rows, int defects, int copies, SeededRandom random)
{
    private int _rowsLeft = rows;
    private int _defectsLeft = defects;
    private int _copiesLeft = copies;

    public RowRole Next()
    {
        var draw = random.Next(_rowsLeft);
        _rowsLeft--;
        if (draw < _defectsLeft)
        {
            _defectsLeft--;
            return RowRole.Defective;
        }
        if (draw < _defectsLeft + _copiesLeft)
        {
            _copiesLeft--;
            return RowRole.Copied;
        }
        return RowRole.Clean;
    }
}
