using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace VocabBot.Discord;

/// <summary>A file sent with a message: Discord refers to it as attachment://{Name} and by its index in attachments.</summary>
internal sealed record DiscordFile(string Name, ReadOnlyMemory<byte> Content);

/// <summary>
/// What a request carries: JSON alone, or with files as multipart/form-data, the JSON in the payload_json
/// part and each file in files[n], as Discord's "Uploading Files" section describes.
/// </summary>
internal sealed record DiscordRequestBody(JsonNode? Json, IReadOnlyList<DiscordFile> Files)
{
    public HttpContent? ToContent()
    {
        if (Files.Count == 0)
            return Json is null ? null : new StringContent(Json.ToJsonString(), Encoding.UTF8, "application/json");
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(Json?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"), "payload_json");
        for (var i = 0; i < Files.Count; i++)
        {
            var file = new ByteArrayContent(Files[i].Content.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue(Files[i].Name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "application/octet-stream");
            form.Add(file, $"files[{i}]", Files[i].Name);
        }
        return form;
    }
}
