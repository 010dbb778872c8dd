using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>Two built-app processes splitting the gateway's shards, as operators run them, against one fake Discord.</summary>
public sealed class ShardingProcessTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoProcesses_EachRunsItsShard_ServersReachOnlyTheirShardsProcess_And4011ReshardsInPlace()
    {
        await using var discord = await FakeDiscord.StartAsync();
        var gateway = discord.Gateway;
        // This test is about routing: no identify turns to wait for, no zombie heartbeats or stale interactions
        // while two processes start on a busy machine.
        (gateway.MaxConcurrency, gateway.HeartbeatInterval) = (4, TimeSpan.FromSeconds(40));
        // Each process has its own token only so the fake can tell whose connection a dispatch went to.
        using var zero = BotProcess.Start(discord, "process-zero-token", "0");
        using var one = BotProcess.Start(discord, "process-one-token", "1");
        try
        {
            await gateway.WaitForAsync(g => g.Readies == 2, "a READY for each process", Bound);
            Assert.Equal(new FakeShard(0, 2), gateway.IdentifiedShards.Single(i => i.Token == zero.Token).Shard);
            Assert.Equal(new FakeShard(1, 2), gateway.IdentifiedShards.Single(i => i.Token == one.Token).Shard);

            Assert.Equal(one.Token, await AnsweredByAsync(discord, ShardingTests.GuildOnShard(1, 2)));
            Assert.Equal(zero.Token, await AnsweredByAsync(discord, ShardingTests.GuildOnShard(0, 2)));
            Assert.Equal(zero.Token, await AnsweredByAsync(discord, guildId: null)); // a DM

            // Discord wants more shards: process one splits its shard 1 of 2 into 1 and 3 of 4; process zero is untouched.
            (gateway.RecommendedShards, gateway.RequiredShards) = (4, 4);
            await gateway.CloseAsync(4011, shard: 1);
            await gateway.WaitForAsync(g => g.Readies == 4, "process one's two new READYs", Bound);
            Assert.Equal([new FakeShard(1, 4), new FakeShard(3, 4)],
                gateway.IdentifiedShards.Where(i => i.Token == one.Token).Skip(1).Select(i => i.Shard!.Value).OrderBy(s => s.Id));
            Assert.Equal(one.Token, await AnsweredByAsync(discord, ShardingTests.GuildOnShard(3, 4)));
            Assert.Equal(zero.Token, await AnsweredByAsync(discord, ShardingTests.GuildOnShard(2, 4)));

            var (zeroOutput, oneOutput) = (await zero.StopAsync(), await one.StopAsync());
            Assert.Contains("Shard 0/2 connected to the Discord gateway (READY)", zeroOutput, StringComparison.Ordinal);
            Assert.Contains("this process now runs shard(s) 1,3 of 4", oneOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("Critical", zeroOutput + oneOutput, StringComparison.Ordinal);
        }
        catch (TimeoutException ex)
        {
            zero.Kill();
            one.Kill();
            throw new TimeoutException($"{ex.Message}\nprocess zero:\n{await zero.OutputAsync()}\nprocess one:\n{await one.OutputAsync()}\nrequests:\n" +
                string.Join("\n", discord.Requests.Select(r => $"{r.Status} {r.Method} {r.Path}")), ex);
        }
        finally
        {
            zero.Kill();
            one.Kill();
        }
    }

    /// <summary>Dispatches a command for the server (null: a DM), waits for its answer, and says whose connection carried it.</summary>
    private static async Task<string?> AnsweredByAsync(FakeDiscord discord, string? guildId)
    {
        var interaction = Interactions.Command(Interactions.NewId(), "help", inGuild: guildId is not null);
        if (guildId is not null)
            interaction["guild_id"] = guildId;
        await discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        await discord.WaitForRequestAsync(r => r.Path.Contains($"/interactions/{interaction["id"]}/", StringComparison.Ordinal) && r.Status < 300,
            $"the answer for server {guildId ?? "(DM)"}", Bound);
        return discord.Gateway.Deliveries.Single(d => d.Id == (string)interaction["id"]!).Token;
    }

    /// <summary>The built app in gateway mode as one of two processes: shard count 2, its own shard id, its own folder.</summary>
    private sealed class BotProcess : IDisposable
    {
        private readonly Process _process;
        private readonly DirectoryInfo _folder;
        private readonly Task<string> _output;
        private readonly Task<string> _error;

        private BotProcess(Process process, DirectoryInfo folder, string token)
        {
            (_process, _folder, Token) = (process, folder, token);
            _output = process.StandardOutput.ReadToEndAsync();
            _error = process.StandardError.ReadToEndAsync();
        }

        public string Token { get; }

        public static BotProcess Start(FakeDiscord discord, string token, string shardIds)
        {
            var folder = Directory.CreateTempSubdirectory("vocabbot-shard-");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(Paths.AppDll);
            start.Environment["Discord__Token"] = token;
            start.Environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl;
            start.Environment["Discord__ShardCount"] = "2";
            start.Environment["Discord__ShardIds"] = shardIds;
            start.Environment["Discord__InteractionMaxAge"] = "00:01:00";
            start.Environment["Storage__DatabasePath"] = Path.Combine(folder.FullName, "vocabbot.db");
            start.Environment["Content__Directory"] = Paths.Library;
            start.Environment["Content__Watch"] = "false";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            return new BotProcess(Process.Start(start)!, folder, token);
        }

        /// <summary>SIGTERM, then everything the process wrote.</summary>
        public async Task<string> StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return $"exit {_process.ExitCode}\n{await _output}\n{await _error}";
        }

        /// <summary>What a killed process wrote.</summary>
        public async Task<string> OutputAsync() => $"{await _output.WaitAsync(Bound)}\n{await _error.WaitAsync(Bound)}";

        public void Kill()
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
            _folder.Delete(recursive: true);
        }
    }
}
