using DuckDB.NET.Data;

namespace DataPipeline.Local.Engine;

/// <summary>One DuckDB connection: statements, scalars, small result sets and bulk appends.</summary>
internal sealed class DuckDbSession : IDisposable
{
    private readonly DuckDBConnection _connection;

    /// <param name="databaseFile">A DuckDB file, or ":memory:".</param>
    /// <param name="readOnly">Open the file read-only, so another process may hold it.</param>
    public DuckDbSession(string databaseFile, bool readOnly = false)
    {
        _connection = new DuckDBConnection("DataSource=" + databaseFile + (readOnly ? ";ACCESS_MODE=READ_ONLY" : ""));
        _connection.Open();
    }

    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Count(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Column names and every row of a query.</summary>
    public (IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows) Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return (columns, rows);
    }

    /// <summary>Runs a query and hands its column names, then each row (a new array each time), to the callbacks.</summary>
    public void Stream(string sql, Action<IReadOnlyList<string>> header, Action<object?[]> row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        header(Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList());
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            row(values);
        }
    }

    /// <summary>Appends rows of text (or NULL) to a table whose columns are all VARCHAR.</summary>
    public void Append(string table, IEnumerable<object?[]> rows)
    {
        using var appender = _connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = appender.CreateRow();
            foreach (var value in values)
            {
                if (value is null)
                {
                    row.AppendNullValue();
                }
                else
                {
                    row.AppendValue((string)value);
                }
            }
            row.EndRow();
        }
    }

    public void Dispose() => _connection.Dispose();
}
