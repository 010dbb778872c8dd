using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VocabBot.Storage.Postgres;

namespace VocabBot.Storage;

internal static class StoreRegistration
{
    /// <summary>
    /// Registers a feature's store: its LiteDB or its PostgreSQL implementation behind the feature's own
    /// interface, as Storage:Provider says, and the PostgreSQL implementation's migrations, which run at start-up
    /// whichever features are in the app. A feature calls this once in its AddXxx.
    /// </summary>
    public static IServiceCollection AddStore<TStore, TLiteDb, TPostgres>(this IServiceCollection services)
        where TStore : class
        where TLiteDb : class, TStore
        where TPostgres : class, TStore, IPostgresStore
    {
        services.AddSingleton<TLiteDb>();
        services.AddSingleton<TPostgres>();
        services.AddSingleton<TStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSQL
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TLiteDb>());
        foreach (var migration in TPostgres.Migrations)
            services.AddSingleton(migration);
        return services;
    }
}
