using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace VocabBot.Tests.Discord;

/// <summary>The built app in HTTP interactions mode, started as an operator would: listening where ASPNETCORE_URLS says, stopped by SIGTERM.</summary>
public sealed class HttpInteractionsProcessTests
{
    [Fact]
    public async Task BuiltApp_InHttpMode_AnswersASignedPing_OnAspNetCoreUrls_AndStopsCleanlyOnSigterm()
    {
        await using var discord = await FakeDiscord.StartAsync();
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var port = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("vocabbot-http-");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Paths.AppDll);
        start.Environment["Discord__Token"] = "http-mode-token";
        start.Environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl;
        start.Environment["Discord__Interactions"] = "Http";
        start.Environment["Discord__PublicKey"] = HttpDiscord.PublicKeyHex(key);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DatabasePath"] = Path.Combine(folder.FullName, "vocabbot.db");
        start.Environment["Content__Directory"] = Paths.Library;
        start.Environment["Content__Watch"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            // The commands are registered once the server listens.
            await discord.WaitForRequestAsync(r => r.Method == "PUT", "the command registration", TimeSpan.FromSeconds(60));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["id"] = Interactions.NewId(), ["application_id"] = FakeDiscord.ApplicationId, ["type"] = 1, ["token"] = "t", ["version"] = 1 }.ToJsonString());
            var timestamp = HttpDiscord.Timestamp(DateTimeOffset.UtcNow);
            using var ping = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/interactions") { Content = new ByteArrayContent(body) };
            ping.Headers.Add("X-Signature-Ed25519", HttpDiscord.Sign(key, timestamp, body));
            ping.Headers.Add("X-Signature-Timestamp", timestamp);
            using var pong = await http.SendAsync(ping);
            Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
            Assert.Equal("""{"type":1}""", await pong.Content.ReadAsStringAsync());

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await error}\n{await output}");
            Assert.Contains($"Listening for Discord's HTTP interactions on http://127.0.0.1:{port}", await output + await error, StringComparison.Ordinal);
            Assert.DoesNotContain(discord.Requests, r => r.Path == "/gateway/bot");
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            folder.Delete(recursive: true);
        }
    }

}
