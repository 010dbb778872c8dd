using System.Net;
using System.Net.Sockets;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Storage;

/// <summary>The built app on PostgreSQL settings it cannot use: one line saying what is wrong, exit code 2, nothing served.</summary>
public sealed class PostgresStartupTests : IDisposable
{
    private readonly TempFolder _startFolder = new();
    private readonly TempFolder _content = TestFiles.FolderWith("seed.md");

    public void Dispose()
    {
        _startFolder.Dispose();
        _content.Dispose();
    }

    private string OnlyErrorLine(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Content__Directory"] = _content.Path,
            ["Content__Watch"] = "false",
            ["Storage__DatabasePath"] = _startFolder.File("vocabbot.db"),
            ["Storage__Provider"] = "PostgreSQL",
        };
        foreach (var (key, value) in settings)
            environment[key] = value;
        var (code, _, error) = BuiltApp.Run(_startFolder.Path, environment, "console");
        Assert.True(code == 2, $"exit code {code}: {error}");
        return Assert.Single(BuiltApp.Lines(error));
    }

    [Fact]
    public void PostgreSQLWithoutAConnectionString_NamesTheKey() =>
        Assert.StartsWith("Configuration error: Storage:ConnectionString: needed when Storage:Provider is PostgreSQL", OnlyErrorLine(), StringComparison.Ordinal);

    [Fact]
    public void ConnectionStringThatCannotBeRead_NamesTheKey_AndNotThePassword()
    {
        var line = OnlyErrorLine(("Storage__ConnectionString", "Host=localhost;Password=hunter2;Colour=blue"));

        Assert.StartsWith("Configuration error: Storage:ConnectionString: not a PostgreSQL connection string", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProvider_ListsTheProviders() =>
        Assert.Equal("Configuration error: Storage:Provider: 'Postgres' is not one of LiteDB, PostgreSQL", OnlyErrorLine(("Storage__Provider", "Postgres")));

    [Fact]
    public void ServerThatIsNotThere_IsOneLineNamingWhereItLooked_AndNotThePassword()
    {
        var port = UnusedPort();

        var line = OnlyErrorLine(("Storage__ConnectionString", $"Host=127.0.0.1;Port={port};Database=vocabbot;Username=vocabbot;Password=hunter2;Timeout=5"));

        Assert.StartsWith($"Storage error: cannot use the PostgreSQL database 127.0.0.1:{port}/vocabbot (", line, StringComparison.Ordinal);
        Assert.EndsWith("check Storage:ConnectionString and that the server is running.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    // A port nothing listens on once the listener that found it is stopped.
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
