using System.Data.Common;
using System.Text;
using ComplaintConsole.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplaintConsole.Sla;

/// <summary>
/// The few SQL fragments the set-based SLA statements need that differ per provider. Identifiers are double-quoted,
/// which SQLite, PostgreSQL and SQL Server (QUOTED_IDENTIFIER is on for SqlClient sessions) all accept.
/// </summary>
internal static class SlaSql
{
    /// <summary>A subquery yielding one bigint column named "v" from the list parameter {index}.</summary>
    public static string IdList(DatabaseProvider provider, int index) => provider switch
    {
        DatabaseProvider.Sqlite => $"SELECT \"value\" AS \"v\" FROM json_each({{{index}}})",
        DatabaseProvider.PostgreSQL => $"SELECT unnest({{{index}}}) AS \"v\"",
        DatabaseProvider.SqlServer => $"SELECT CAST(\"value\" AS bigint) AS \"v\" FROM OPENJSON({{{index}}})",
        _ => throw new NotSupportedException(provider.ToString()),
    };

    /// <summary>The value bound to <see cref="IdList"/>'s parameter: a JSON array, or a bigint[] for PostgreSQL.</summary>
    public static object IdListValue(DatabaseProvider provider, IReadOnlyList<long> ids)
    {
        if (provider == DatabaseProvider.PostgreSQL)
        {
            return ids.ToArray();
        }

        var json = new StringBuilder(ids.Count * 8 + 2).Append('[');
        for (var i = 0; i < ids.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(ids[i]);
        }

        return json.Append(']').ToString();
    }

    /// <summary>
    /// SQLite's concurrency token is maintained by the application, so a bulk UPDATE must bump it; PostgreSQL's xmin and
    /// SQL Server's rowversion change by themselves.
    /// </summary>
    public static string VersionBump(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? ", \"Version\" = \"Version\" + 1" : "";

    /// <summary>
    /// The Complaints table as the sweep must read it on SQLite: through the partial index of unanswered open cases by
    /// NextEscalationAt. Without the hint SQLite's planner (no ANALYZE statistics) may prefer the board's wider partial
    /// index of open cases, whose filter the same WHERE also implies, and walk every open case.
    /// </summary>
    public static string ComplaintsForSweep(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "\"Complaints\" INDEXED BY \"IX_Complaints_NextEscalationAt_DeskId\"" : "\"Complaints\"";

    /// <summary>
    /// The Complaints table read in id order from an id on (retime batches): on SQLite by rowid, never through an index
    /// that would make each batch walk and sort every open case.
    /// </summary>
    public static string ComplaintsById(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite ? "\"Complaints\" NOT INDEXED" : "\"Complaints\"";

    /// <summary>An integer list for IN (...); only ever built from ids the application holds, never from user text.</summary>
    public static string InList(IEnumerable<long> values) => string.Join(",", values);

    public static string InList(IEnumerable<int> values) => string.Join(",", values);

    /// <summary>
    /// Inserts one timeline event per id (same kind, data and reason for all) and returns (event id, complaint id) of
    /// each row written, so that live events carry their sequence numbers without reading the table again.
    /// </summary>
    public static async Task<List<(long EventId, long ComplaintId)>> InsertEventsAsync(
        ComplaintsDbContext db, IReadOnlyList<long> complaintIds, long at, string actor, string kind, string? data, string? reason,
        bool isPublic, CancellationToken cancellationToken)
    {
        var provider = db.Provider;
        var output = provider == DatabaseProvider.SqlServer ? "OUTPUT inserted.\"Id\", inserted.\"ComplaintId\"" : "";
        var returning = provider == DatabaseProvider.SqlServer ? "" : "RETURNING \"Id\", \"ComplaintId\"";
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            INSERT INTO "ComplaintEvents" ("ComplaintId", "At", "Actor", "Kind", "Data", "Reason", "Public")
            {output}
            SELECT ids."v", @at, @actor, @kind, @data, @reason, @public FROM ({IdList(provider, 0).Replace("{0}", "@ids", StringComparison.Ordinal)}) ids
            {returning}
            """;
        AddParameter(command, "@at", at);
        AddParameter(command, "@actor", actor);
        AddParameter(command, "@kind", kind);
        AddParameter(command, "@data", (object?)data ?? DBNull.Value);
        AddParameter(command, "@reason", (object?)reason ?? DBNull.Value);
        AddParameter(command, "@public", isPublic);
        AddParameter(command, "@ids", IdListValue(provider, complaintIds));
        var written = new List<(long, long)>(complaintIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            written.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return written;
    }

    public static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// SQLite only: a bigger page cache and memory-mapped reads for the connection that rewrites a large share of the
    /// cases, whose working set is far beyond the 2 MB default cache.
    /// </summary>
    public static async Task TuneForBulkAsync(DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Serialization failures and deadlocks under concurrent writers: the transaction can simply run again.</summary>
    public static bool IsRetryable(Exception ex) => ex switch
    {
        DbException { SqlState: "40001" or "40P01" } => true,
        SqlException { Number: 1205 } => true,
        _ => false,
    };
}
