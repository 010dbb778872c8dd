using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Cluster;

/// <summary>
/// One bot process of a cluster, as an operator runs it: the built app in HTTP interactions mode on its own loopback
/// port, on the shared PostgreSQL database, REST going to the test's fake Discord. Its own folder holds its LiteDB file
/// (the shipped articles it imports) and is deleted with it; a node still running at the end is killed.
/// </summary>
internal sealed class ClusterProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _log = new();

    private ClusterProcess(int number, Process process, DirectoryInfo folder, Uri endpoint)
    {
        Number = number;
        _process = process;
        _folder = folder;
        Endpoint = endpoint;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Number { get; }

    public Uri Endpoint { get; }

    public bool Alive => !_process.HasExited;

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>The Authorization header of the node's REST requests: each node has a token of its own, so the fake Discord tells whose a request was.</summary>
    public string Authorization => $"Bot {Token(Number)}";

    /// <param name="dll">The app to run, the built bot by default (<see cref="Paths.AppDll"/>).</param>
    /// <param name="settings">More settings, by configuration key ("WordOfTheDay:Schedules:0:Cron"), given as environment variables.</param>
    public static ClusterProcess Start(int number, string connectionString, string apiBaseUrl, Key key,
        string? dll = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory($"vocabbot-node{number}-");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll ?? Paths.AppDll);
        start.Environment["Discord__Token"] = Token(number);
        start.Environment["Discord__ApiBaseUrl"] = apiBaseUrl;
        start.Environment["Discord__Interactions"] = "Http";
        start.Environment["Discord__PublicKey"] = HttpDiscord.PublicKeyHex(key);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__Provider"] = "PostgreSQL";
        start.Environment["Storage__ConnectionString"] = connectionString;
        start.Environment["Storage__DatabasePath"] = Path.Combine(folder.FullName, "vocabbot.db");
        start.Environment["Content__Directory"] = Paths.Library;
        start.Environment["Content__Watch"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (setting, value) in settings ?? new Dictionary<string, string>())
            start.Environment[setting.Replace(":", "__", StringComparison.Ordinal)] = value;
        return new ClusterProcess(number, Process.Start(start)!, folder, new Uri($"http://127.0.0.1:{port}/interactions"));
    }

    /// <summary>Until the node answers a signed PING, within <paramref name="bound"/>.</summary>
    public async Task WaitUntilListeningAsync(ClusterClient client, TimeSpan bound)
    {
        var until = DateTime.UtcNow + bound;
        while (DateTime.UtcNow < until)
        {
            if (!Alive)
                break;
            var ping = new JsonObject { ["id"] = Interactions.NewId(), ["application_id"] = FakeDiscord.ApplicationId, ["type"] = 1, ["token"] = "t", ["version"] = 1 };
            if (await client.PostAsync(this, ping) is { Status: HttpStatusCode.OK })
                return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"Node {Number} did not answer a PING within {bound.TotalSeconds:0} s:\n{Log}");
    }

    /// <summary>SIGKILL: no stop, no flush, as when the machine under it dies.</summary>
    public void Kill()
    {
        if (Alive)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.Run(() => _folder.Delete(recursive: true));
    }

    private static string Token(int number) => $"cluster-token-{number}";

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

}
