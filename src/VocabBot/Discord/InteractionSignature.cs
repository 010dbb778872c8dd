using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace VocabBot.Discord;

/// <summary>
/// Checks that an HTTP interaction came from Discord: X-Signature-Ed25519 must be Discord's Ed25519 signature, by the
/// application's public key, over X-Signature-Timestamp followed by the raw body; and the timestamp must be within
/// <see cref="MaxSkew"/> of now, either way, so a request recorded earlier cannot be replayed.
/// </summary>
internal sealed class InteractionSignature(IOptions<DiscordOptions> options, TimeProvider time)
{
    /// <summary>How far the signed timestamp may be from the bot's clock, in the past or the future.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private const int SignatureBytes = 64;
    private readonly Lazy<PublicKey> _key = new(() => DiscordOptionsValidator.ImportPublicKey(options.Value.PublicKey!));

    /// <summary>Null when the request is Discord's; otherwise why not, for the log (never for the caller).</summary>
    public string? Problem(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
            return "no signature headers";
        if (signature.Length != SignatureBytes * 2 || !signature.All(char.IsAsciiHexDigit))
            return "a signature that is not 64 bytes of hex";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return "a timestamp that is not unix seconds";
        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (skew.Duration() > MaxSkew)
            return string.Create(CultureInfo.InvariantCulture, $"a timestamp {skew.TotalSeconds:0} s off the bot's clock");
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));
        return SignatureAlgorithm.Ed25519.Verify(_key.Value, signed, Convert.FromHexString(signature))
            ? null
            : "a signature that does not match";
    }
}
