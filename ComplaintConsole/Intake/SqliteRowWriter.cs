using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ComplaintConsole.Intake;

/// <summary>
/// The group-commit writer's insert path on SQLite: one prepared INSERT … RETURNING per table, reused for every row
/// of the batch, inside the batch's transaction. EF Core's change tracker and per-row SQL generation cost several
/// times more CPU than SQLite itself at thousands of rows a second. Columns, names and value conversions come from the
/// EF model, so the rows are exactly what EF would write.
/// </summary>
internal sealed class SqliteRowWriter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly (IProperty Property, ValueConverter? Converter, DbParameter Parameter)[] _columns;
    private SqliteRowWriter(DbCommand command, (IProperty, ValueConverter?, DbParameter)[] columns)
    {
        _command = command;
        _columns = columns;
    }

    public static async Task<SqliteRowWriter> PrepareAsync<TEntity>(ComplaintsDbContextAccess db)
    {
        var entityType = db.Context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var command = db.Connection.CreateCommand();
        command.Transaction = db.Transaction;
        var columns = new List<(IProperty, ValueConverter?, DbParameter)>();
        var names = new List<string>();
        foreach (var property in entityType.GetProperties())
        {
            if (property == key)
            {
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + columns.Count;
            command.Parameters.Add(parameter);
            columns.Add((property, property.GetTypeMapping().Converter, parameter));
            names.Add('"' + property.GetColumnName(table)! + '"');
        }

        command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", columns.Select(c => c.Item3.ParameterName))}) RETURNING \"{key.GetColumnName(table)}\";";
        await command.PrepareAsync();
        return new SqliteRowWriter(command, columns.ToArray());
    }

    /// <summary>Inserts one entity and returns its generated key.</summary>
    public async Task<long> InsertAsync(object entity)
    {
        foreach (var (property, converter, parameter) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (converter is not null && value is not null)
            {
                value = converter.ConvertToProvider(value);
            }

            parameter.Value = value ?? DBNull.Value;
        }

        var id = await _command.ExecuteScalarAsync();
        return Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}

/// <summary>The open connection and transaction of a context, for <see cref="SqliteRowWriter"/>.</summary>
internal sealed record ComplaintsDbContextAccess(Data.ComplaintsDbContext Context, DbConnection Connection, DbTransaction Transaction);
