using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace VocabBot.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL server for the tests that need one, started from the machine's PostgreSQL binaries:
/// initdb into a temp folder, a free port on 127.0.0.1, the socket in that folder; stopped and removed at the
/// end, whatever the tests did. As root it runs as the 'postgres' user (initdb refuses root). Each test gets a
/// database of its own. Where the binaries are missing, the tests that ask for a database are skipped, saying why.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string User = "postgres";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private string? _binaries;
    private string? _folder;
    private bool _asPostgresUser;
    private int _port;
    private bool _running;

    /// <summary>Why the tests that need the server are skipped; null when it runs.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        _asPostgresUser = Environment.IsPrivilegedProcess;
        SkipReason = _binaries is null
            ? "PostgreSQL's initdb and pg_ctl are not on this machine (VOCABBOT_PG_BIN, PATH, /usr/lib/postgresql/*/bin): `apt-get install postgresql` (README, Tests with PostgreSQL)"
            : _asPostgresUser && !UserExists(User)
                ? "the tests run as root and there is no 'postgres' user to run PostgreSQL as (initdb refuses root)"
                : _asPostgresUser && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser")
                    ? "the tests run as root and runuser (util-linux) is missing, so PostgreSQL cannot run as the 'postgres' user"
                    : null;
        if (SkipReason is not null)
            return;

        _folder = Directory.CreateTempSubdirectory("vocabbot-pg-").FullName;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        if (_asPostgresUser)
            await RunAsync("chown", [$"{User}:", _folder]);
        await RunAsync(Tool("initdb"), ["-D", DataFolder, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServerUser: true);
        // A port found free may be taken by the time the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            _port = FreePort.Next();
            try
            {
                await RunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", ServerOptions(), "start"], asServerUser: true);
                _running = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>A new, empty database on the server; the test is skipped when there is no server.</summary>
    internal async Task<string> CreateDatabaseAsync()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    /// <summary>Drops a test's database while its connections are open, as a server gone away would look to them.</summary>
    internal async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_running)
        {
            try
            {
                await RunAsync(Tool("pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"], asServerUser: true);
            }
            catch (InvalidOperationException)
            {
                KillServer();
            }
            _running = false;
        }

        if (_folder is not null && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private string DataFolder => Path.Combine(_folder!, "data");

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username={User};Database={database};Timeout=15;Command Timeout=60";

    // fsync off: the server is thrown away, and a test machine's disk is slow enough already.
    private string ServerOptions() =>
        $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{_folder}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off";

    private string Tool(string name) => Path.Combine(_binaries!, name);

    /// <summary>A test run cut short (Ctrl+C, a crash of the runner) still stops the server.</summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_running)
            KillServer();
    }

    // The postmaster's pid is the first line of postmaster.pid; killing it (and so its children) leaves nothing running.
    private void KillServer()
    {
        try
        {
            var pidFile = Path.Combine(DataFolder, "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var server = Process.GetProcessById(pid);
                server.Kill(entireProcessTree: true);
                server.WaitForExit(Bound);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        _running = false;
    }

    private async Task RunAsync(string program, IEnumerable<string> arguments, bool asServerUser = false)
    {
        var start = new ProcessStartInfo(asServerUser && _asPostgresUser ? "runuser" : program)
        {
            WorkingDirectory = _folder, // the server user may not be able to enter the current folder
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asServerUser && _asPostgresUser)
        {
            foreach (var argument in new[] { "-u", User, "--", program })
                start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        // pg_ctl -l sends the server's own output to its log, so these pipes end when pg_ctl does.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {Bound.TotalSeconds} s");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await errors}{await output}{ServerLog()}");
    }

    private string ServerLog()
    {
        var log = _folder is null ? null : Path.Combine(_folder, "server.log");
        return log is not null && File.Exists(log) ? "\nserver.log:\n" + File.ReadAllText(log) : "";
    }

    /// <summary>
    /// The folder holding initdb and pg_ctl: VOCABBOT_PG_BIN when set (and then only there), else on the PATH,
    /// else Debian's /usr/lib/postgresql/NN/bin, newest first.
    /// </summary>
    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("VOCABBOT_PG_BIN") is { Length: > 0 } chosen)
            return File.Exists(Path.Combine(chosen, "initdb")) && File.Exists(Path.Combine(chosen, "pg_ctl")) ? chosen : null;
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(debian).FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
    }

    private static bool UserExists(string name) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(name + ":", StringComparison.Ordinal));

}

/// <summary>The tests that use the one throwaway PostgreSQL server; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
