using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Tests.Storage;

/// <summary>`backup PATH` for a stopped bot, run in-process against real files (the process test is in DatabaseLockTests).</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public BackupCommandTests()
    {
        using var database = new VocabDatabase(Database);
        var scoreboard = TestScoreboard.On(database);
        for (var i = 0; i < 30; i++)
            scoreboard.Record("guild", $"u{i % 3}", "Learner", $"word-{i}", i % 4 != 0, TestBot.Start.AddMinutes(i));
    }

    private string Database => _folder.File("data/vocabbot.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void StoppedDatabase_IsCopiedWhole_IntoTheFileGiven()
    {
        var code = Run("saved/copy.db");

        Assert.True(code == 0, _error.ToString());
        var target = _folder.File("saved/copy.db");
        Assert.Equal($"Backed up '{Database}' to '{target}': 3 collection(s), 39 document(s).", _output.ToString().TrimEnd());
        Assert.Equal(["copy.db"], Directory.GetFiles(_folder.File("saved")).Select(Path.GetFileName));
        using var copy = new VocabDatabase(target);
        using var original = new VocabDatabase(Database);
        Assert.Equal(
            original.Collection<AnswerRecord>("answers").FindAll().Select(a => (a.Id, a.UserId, a.WordKey, a.Correct, a.Points, a.At)),
            copy.Collection<AnswerRecord>("answers").FindAll().Select(a => (a.Id, a.UserId, a.WordKey, a.Correct, a.Points, a.At)));
        // Sorted: the copy creates the collections in its own order, and $indexes lists them so.
        Assert.Equal(
            original.Database.GetCollection("$indexes").FindAll().Select(i => i.ToString()).Order(StringComparer.Ordinal),
            copy.Database.GetCollection("$indexes").FindAll().Select(i => i.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AFolder_GetsTheDatedName()
    {
        Directory.CreateDirectory(_folder.File("saved"));

        var code = Run("saved");

        Assert.True(code == 0, _error.ToString());
        Assert.True(File.Exists(_folder.File("saved/vocabbot-2026-01-05.db")));
    }

    [Fact]
    public void HeldDatabase_ExitsTwo_SayingSoAndWhereTheBotsOwnBackupsAre()
    {
        using var held = new VocabDatabase(Database);

        var code = Run("copy.db");

        Assert.Equal(2, code);
        Assert.Equal(
            $"Backup error: '{Database}' is in use by another process, which holds the lock '{Database}.lock'. " +
            $"A running bot writes its own backup every day to '{_folder.File("data/backups")}': copy the newest from there, or stop the bot and run backup again.",
            _error.ToString().TrimEnd());
        Assert.False(File.Exists(_folder.File("copy.db")));
    }

    [Fact]
    public void NoDatabase_ExitsTwo_AndCreatesNone()
    {
        var code = Run("copy.db", ("Storage:DatabasePath", "elsewhere/vocabbot.db"));

        Assert.Equal(2, code);
        Assert.Equal($"Backup error: there is no database at '{_folder.File("elsewhere/vocabbot.db")}' (Storage:DatabasePath) to back up.", _error.ToString().TrimEnd());
        Assert.False(File.Exists(_folder.File("elsewhere/vocabbot.db")));
    }

    [Fact]
    public void TheDatabaseItself_IsRefused()
    {
        var code = Run("data/vocabbot.db");

        Assert.Equal(2, code);
        Assert.StartsWith($"'{Database}' is the database itself; give another file.", _error.ToString(), StringComparison.Ordinal);
    }

    private int Run(string target, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = "data/vocabbot.db" })
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return BackupCommand.Run(configuration, new HostingEnvironment { ContentRootPath = _folder.Path }, [target],
            new FakeTimeProvider(TestBot.Start), _output, _error);
    }
}
