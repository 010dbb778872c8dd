using Microsoft.Extensions.Options;
using Npgsql;

namespace VocabBot.Storage.Postgres;

/// <summary>Fails at start when Storage:Provider is PostgreSQL and the connection string is missing or cannot be read.</summary>
internal sealed class PostgresOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Key = $"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != StorageProvider.PostgreSQL)
            return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail($"{Key}: needed when Storage:Provider is PostgreSQL, e.g. 'Host=localhost;Database=vocabbot;Username=vocabbot;Password=...'");
        try
        {
            // The message names the key or the position that is wrong, never the password.
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(parsed.Host)
                ? ValidateOptionsResult.Fail($"{Key}: names no server; add Host=..., e.g. Host=localhost")
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return ValidateOptionsResult.Fail($"{Key}: not a PostgreSQL connection string ({e.Message.TrimEnd('.')})");
        }
    }
}
