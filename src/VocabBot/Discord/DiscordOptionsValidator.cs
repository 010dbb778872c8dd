using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace VocabBot.Discord;

/// <summary>
/// What HTTP interactions need besides the token: the public key that signs Discord's requests, and an address to
/// listen on (ASP.NET Core's standard Urls setting). Gateway mode needs neither, but its shard ids must parse and fit
/// the shard count.
/// </summary>
internal sealed class DiscordOptionsValidator(IConfiguration configuration) : IValidateOptions<DiscordOptions>
{
    private const int PublicKeyHexLength = 64;

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Interactions != InteractionTransport.Http)
            return ShardProblem(options) is { } shards ? ValidateOptionsResult.Fail(shards) : ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (PublicKeyProblem(options.PublicKey) is { } problem)
            failures.Add($"{DiscordOptions.Section}:{nameof(DiscordOptions.PublicKey)}: {problem}");
        if (ListenUrls(configuration) is not { } urls)
        {
            failures.Add("Urls: Discord:Interactions is Http, so the bot must listen for Discord's requests: set Urls " +
                "(e.g. Urls=http://0.0.0.0:8080, or the environment variable ASPNETCORE_URLS); Discord then posts to <your public URL>/interactions");
        }
        else if (urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(url => !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) is { } bad)
        {
            failures.Add($"Urls: '{bad}' is not an http:// or https:// address to listen on, e.g. http://0.0.0.0:8080");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ShardProblem(DiscordOptions options)
    {
        const string Ids = $"{DiscordOptions.Section}:{nameof(DiscordOptions.ShardIds)}";
        const string Count = $"{DiscordOptions.Section}:{nameof(DiscordOptions.ShardCount)}";
        if (ShardSelection.Parse(options.ShardIds, out var problem) is not { } selection)
            return $"{Ids}: {problem}";
        if (selection.Ids is not { } ids)
            return null;
        if (options.ShardCount == 0)
            return $"{Ids}: '{options.ShardIds}' names shards, so {Count} must be set too: the processes that split the shards must agree on how many there are";
        return ids.FirstOrDefault(id => id >= options.ShardCount, -1) is var beyond and >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Ids}: shard {beyond} is not below {Count} ({options.ShardCount}): shard ids run from 0 to {options.ShardCount - 1}")
            : null;
    }

    /// <summary>The addresses Kestrel listens on: Urls (any configuration source), else the ASPNETCORE_URLS environment variable.</summary>
    public static string? ListenUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["Urls"] is { Length: > 0 } urls ? urls
            : configuration["ASPNETCORE_URLS"] is { Length: > 0 } aspnet ? aspnet
            : null;
    }

    /// <summary>The key as NSec's Ed25519 public key; call only on a key that passed validation.</summary>
    public static PublicKey ImportPublicKey(string hex) =>
        PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey);

    private static string? PublicKeyProblem(string? key)
    {
        const string Where = "copy it from the developer portal, General Information, Public Key";
        if (string.IsNullOrWhiteSpace(key))
            return $"Discord:Interactions is Http, which needs the application's public key to check Discord's signatures: {Where}";
        if (key.Length != PublicKeyHexLength || !key.All(char.IsAsciiHexDigit))
            return string.Create(CultureInfo.InvariantCulture, $"'{key}' is not {PublicKeyHexLength} hexadecimal characters ({key.Length} given): {Where}");
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, Convert.FromHexString(key), KeyBlobFormat.RawPublicKey, out var imported)
            && imported is not null
            ? null
            : $"'{key}' is not an Ed25519 public key: {Where}";
    }
}
