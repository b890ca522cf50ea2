using System.Data.Common;
using EmulationPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmulationPortal.Search;

/// <summary>
/// Inserts many <see cref="SearchEntry"/> rows through one prepared command, for a whole rebuild: EF's change
/// tracking spent about half of a 100,000-article rebuild on these wide rows (docs/performance.md). Column names
/// and parameter values come from the EF model's own mapping, so the rows are what EF would write on either provider.
/// </summary>
internal sealed class SearchEntryWriter : IAsyncDisposable
{
    private static readonly string[] Properties =
    [
        nameof(SearchEntry.Kind), nameof(SearchEntry.SourceId), nameof(SearchEntry.RankKey), nameof(SearchEntry.SortDate),
        nameof(SearchEntry.VisibleFrom), nameof(SearchEntry.Years), nameof(SearchEntry.Title), nameof(SearchEntry.Number),
        nameof(SearchEntry.Slug), nameof(SearchEntry.Text), nameof(SearchEntry.TitleExact), nameof(SearchEntry.TitleFolded),
        nameof(SearchEntry.NumberFolded), nameof(SearchEntry.TextFolded), nameof(SearchEntry.Tags),
    ];

    private readonly DbCommand _command;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;
    private readonly bool _closeConnection;
    private readonly DbConnection _connection;
    private bool _prepared;

    private SearchEntryWriter(DbConnection connection, DbCommand command, (IProperty, RelationalTypeMapping, string)[] columns, bool closeConnection)
    {
        _connection = connection;
        _command = command;
        _columns = columns;
        _closeConnection = closeConnection;
    }

    public static async Task<SearchEntryWriter> OpenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(SearchEntry))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = Properties
            .Select((name, i) =>
            {
                var property = entity.FindProperty(name)!;
                return (property, (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.GetColumnName(table)!);
            })
            .ToArray();

        var connection = db.Database.GetDbConnection();
        var close = connection.State != System.Data.ConnectionState.Open;
        if (close)
        {
            await connection.OpenAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = db.GetService<ISqlGenerationHelper>();
#pragma warning disable CA2100 // table and column names from the EF model, values as parameters
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Item3)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
#pragma warning restore CA2100
        return new SearchEntryWriter(connection, command, columns, close);
    }

    public async Task InsertAsync(SearchEntry entry, CancellationToken cancellationToken)
    {
        _command.Parameters.Clear();
        for (var i = 0; i < _columns.Length; i++)
        {
            var (property, mapping, _) = _columns[i];
            var value = property.GetGetter().GetClrValue(entry);
            _command.Parameters.Add(mapping.CreateParameter(_command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value, property.IsNullable));
        }

        if (!_prepared)
        {
            await _command.PrepareAsync(cancellationToken);
            _prepared = true;
        }

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        if (_closeConnection)
        {
            await _connection.CloseAsync();
        }
    }
}
