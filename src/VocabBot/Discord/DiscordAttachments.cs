using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>
/// Files attached to a command (option type 11). The bot downloads one only from a host in
/// Discord:AttachmentHosts, within Discord:AttachmentTimeout, and only as many bytes as the feature
/// allows; it never writes the file to disk.
/// </summary>
internal sealed class DiscordAttachments(IHttpClientFactory httpClientFactory, IOptions<DiscordOptions> options, TimeProvider time)
{
    public const string HttpClientName = "discord-attachments";

    /// <summary>The attachment that data.resolved.attachments describes.</summary>
    public ChatFile From(JsonElement attachment)
    {
        var name = attachment.TryGetProperty("filename", out var f) ? f.GetString() ?? "file" : "file";
        long? size = attachment.TryGetProperty("size", out var s) && s.TryGetInt64(out var bytes) ? bytes : null;
        var type = attachment.TryGetProperty("content_type", out var t) ? t.GetString() : null;
        var url = attachment.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
        return new Attachment(this, name, size, type, url);
    }

    private async Task<byte[]> DownloadAsync(Attachment file, long maxBytes, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!Uri.TryCreate(file.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || !settings.AllowedAttachmentHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
            throw new ChatFileException("FileNotOnDiscord", [file.Name]);
        if (file.Size > maxBytes)
            throw TooBig(file.Name, file.Size.Value, maxBytes);
        using var timeout = new CancellationTokenSource(settings.AttachmentTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new ChatFileException("FileDownloadStatus", [file.Name, (int)response.StatusCode]);
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            return await ReadAtMostAsync(stream, file.Name, maxBytes, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ChatFileException("FileDownloadSlow", [file.Name, settings.AttachmentTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)]);
        }
        catch (HttpRequestException e)
        {
            throw new ChatFileException("FileDownloadFailed", [file.Name, e.Message], e);
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, string name, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                throw TooBig(name, buffer.Length, maxBytes);
        }
        return buffer.ToArray();
    }

    // Far past the most, the size is told as "over" twice the most: a download stops reading soon after the most.
    private static ChatFileException TooBig(string name, long size, long maxBytes) => size > maxBytes * 2
        ? new("FileFarTooBig", [name, maxBytes * 2 / 1024, maxBytes / 1024])
        : new("FileTooBig", [name, (size / 1024.0).ToString("0.#", CultureInfo.InvariantCulture), maxBytes / 1024]);

    private sealed class Attachment(DiscordAttachments owner, string name, long? size, string? contentType, string url)
        : ChatFile(name, size, contentType)
    {
        public string Url { get; } = url;

        public override Task<byte[]> ReadAsync(long maxBytes, CancellationToken cancellationToken) =>
            owner.DownloadAsync(this, maxBytes, cancellationToken);
    }
}
