using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VocabBot.Storage.Postgres;

internal static class PostgresSetup
{
    /// <summary>
    /// The PostgreSQL side of storage: the database, its migrator, and the start-up step that migrates the
    /// schema. AddStorage calls it first, so that step is the first hosted service to start; under LiteDB
    /// it does nothing and no connection is ever made.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<StorageOptions>, PostgresOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString
            ?? throw new InvalidOperationException($"{StorageOptions.Section}:ConnectionString is not set")));
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<PostgresSchema>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresSchema>());
        return services;
    }
}

/// <summary>
/// Migrates the schema once per process, before anything reads it, when the stores are in PostgreSQL.
/// HostRunner's open step asks first, so a server the app cannot use is one line and exit code 2; as the
/// first hosted service it does the same for hosts started without HostRunner, such as the tests'.
/// </summary>
internal sealed class PostgresSchema(IOptions<StorageOptions> options, IServiceProvider services) : IHostedService
{
    private readonly Lock _gate = new();
    private Task? _migrated;

    public Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.PostgreSQL)
            return Task.CompletedTask;
        lock (_gate)
            return _migrated ??= MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        // Resolved here rather than injected: under LiteDB there is no connection string to build the database from.
        var database = services.GetRequiredService<PostgresDatabase>();
        try
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new PostgresUnavailableException(
                $"Storage error: cannot use the PostgreSQL database {database.Describe()} ({e.Message}); check Storage:ConnectionString and that the server is running.", e);
        }
    }
}

/// <summary>The PostgreSQL database cannot be reached or migrated at start; the message is the one line the app prints before it exits with code 2.</summary>
internal sealed class PostgresUnavailableException(string message, Exception inner) : Exception(message, inner);
