using Microsoft.Extensions.DependencyInjection;

namespace VocabBot.Storage;

/// <summary>
/// One feature's part of `migrate-store`: copies what its LiteDB store holds into its PostgreSQL store. Running it
/// again copies nothing twice, so a copy cut short is finished by running it again.
/// </summary>
internal interface IStoreCopier
{
    /// <summary>What the feature is called in the verb's output, e.g. "scores".</summary>
    string Feature { get; }

    /// <summary>Copies everything; what it copied, as "1,234 answers".</summary>
    Task<IReadOnlyList<string>> CopyAsync(CancellationToken cancellationToken);
}

internal static class StoreCopySetup
{
    /// <summary>A feature registers its copier beside its stores (see <see cref="StoreRegistration.AddStore{TStore, TLiteDb, TPostgres}"/>).</summary>
    public static IServiceCollection AddStoreCopier<TCopier>(this IServiceCollection services)
        where TCopier : class, IStoreCopier => services.AddSingleton<IStoreCopier, TCopier>();
}
