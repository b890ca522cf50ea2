using Microsoft.Data.Sqlite;

namespace EmulationPortal.Benchmarks;

/// <summary>One prepared INSERT, reused for every row of a table inside the fill's single transaction.</summary>
internal sealed class RowWriter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public RowWriter(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
#pragma warning disable CA2100 // table and column names are constants of this harness, values are parameters
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
#pragma warning restore CA2100
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        _command.Prepare();
    }

    public long Rows { get; private set; }

    public void Insert(params object?[] values)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
