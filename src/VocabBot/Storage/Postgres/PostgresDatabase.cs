using Npgsql;

namespace VocabBot.Storage.Postgres;

/// <summary>
/// The app's PostgreSQL database: one <see cref="NpgsqlDataSource"/>, so one pool of connections, that every
/// store shares. Statements take positional parameters ($1, $2, ...); a null goes in as SQL NULL.
/// </summary>
internal sealed class PostgresDatabase(string connectionString) : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(WithAutoPrepare(connectionString));

    /// <summary>
    /// Npgsql's automatic preparation on unless the connection string says otherwise: a statement run twice on a
    /// connection is prepared there, so the server no longer parses and plans it on each answer. Recording an answer
    /// went from p99 2.1-2.3 ms to 1.3-1.5 ms (docs/PERFORMANCE.md). Every statement names its columns, so a later
    /// migration that adds a column does not change a prepared statement's result.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    // Per pool, so two pools in one process (two "processes" in a test) never share a transaction.
    private readonly AsyncLocal<NpgsqlConnection?> _ambient = new();

    /// <summary>Where the database is, for messages: host, port and database name, never the password.</summary>
    public string Describe()
    {
        var parsed = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database ?? parsed.Username}";
    }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>A connection for a store whose callers are synchronous (the quiz's answer path).</summary>
    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: every <see cref="Join"/> inside it, on this thread or the
    /// async flow it starts, gets the transaction's connection. Committed when the work returns, rolled back when it throws.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_ambient.Value is not null)
            return work();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        _ambient.Value = connection;
        try
        {
            var result = work();
            transaction.Commit();
            return result;
        }
        finally
        {
            _ambient.Value = null;
        }
    }

    /// <summary>
    /// The connection of the transaction this call runs in (<see cref="InTransaction{T}"/>), or a new one when there
    /// is none; <see cref="Lease.Owned"/> says which, so a store begins its own transaction only when it is alone.
    /// </summary>
    public Lease Join() => _ambient.Value is { } ambient ? new Lease(ambient, Owned: false) : new Lease(Open(), Owned: true);

    /// <summary>A connection from <see cref="Join"/>; disposing it closes the connection only when this lease opened it.</summary>
    public readonly record struct Lease(NpgsqlConnection Connection, bool Owned) : IDisposable
    {
        /// <summary>A transaction of its own when the lease is alone; null inside the ambient one.</summary>
        public NpgsqlTransaction? BeginOwn() => Owned ? Connection.BeginTransaction() : null;

        public void Dispose()
        {
            if (Owned)
                Connection.Dispose();
        }
    }

    /// <summary>Runs one statement; the number of rows it wrote.</summary>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = Bind(_dataSource.CreateCommand(sql), parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one query and reads each row it returns.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var command = Bind(_dataSource.CreateCommand(sql), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>A command on <paramref name="connection"/> (in its transaction, if any) with positional parameters.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] parameters) =>
        Bind(new NpgsqlCommand(sql, connection), parameters);

    /// <summary>Runs one statement on <paramref name="connection"/>; the number of rows it wrote.</summary>
    public static int Execute(NpgsqlConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Adds a statement with positional parameters to <paramref name="batch"/>: its statements go to the server in one round trip.</summary>
    public static void Add(NpgsqlBatch batch, string sql, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        batch.BatchCommands.Add(command);
    }

    /// <summary>Adds positional parameters to a command.</summary>
    public static NpgsqlCommand Bind(NpgsqlCommand command, IReadOnlyList<object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();
}
