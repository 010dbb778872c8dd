using Npgsql;

namespace VocabBot.Storage.Postgres;

/// <summary>
/// The app's PostgreSQL database: one <see cref="NpgsqlDataSource"/>, so one pool of connections, that every
/// store shares. Statements take positional parameters ($1, $2, ...); a null goes in as SQL NULL.
/// </summary>
internal sealed class PostgresDatabase(string connectionString) : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>Where the database is, for messages: host, port and database name, never the password.</summary>
    public string Describe()
    {
        var parsed = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database ?? parsed.Username}";
    }

    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>A connection for a store whose callers are synchronous (the quiz's answer path).</summary>
    public NpgsqlConnection Open() => _dataSource.OpenConnection();

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
