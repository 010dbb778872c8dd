using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Storage;

/// <summary>
/// A damaged or half-copied database stops the app with one line saying so and how to recover, and is left as it
/// was: LiteDB took a file shorter than a page for a new database (all progress gone, exit 0) and failed on a cut
/// or mangled one with an unhandled exception (exit 134).
/// </summary>
public sealed class DamagedDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string> Damages => new()
    {
        { "shorter than a page", "4000 bytes, shorter than one 8 KB page" },
        { "cut mid-page", "bytes, not a whole number of 8 KB pages: it was cut short" },
        { "cut at a page", "pages but the file holds" },
        { "garbage", "it does not start with a LiteDB header" },
        { "mangled header", "LiteDB cannot read it: " },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedFile_ExitsTwo_WithOneLineSayingHowToRecover_AndIsLeftAsItWas(string damage, string problem)
    {
        var database = _folder.File("vocabbot.db");
        var damaged = Damage(WholeDatabase(), damage);
        File.WriteAllBytes(database, damaged);

        var (code, output, error) = BuiltApp.Run(_folder.Path, DatabaseLockTests.Settings(database), "console");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Empty(output);
        var line = Assert.Single(BuiltApp.Lines(error));
        Assert.StartsWith($"Storage error: '{database}' is damaged (", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.EndsWith($"); restore the newest backup from '{_folder.File("backups")}' (README: Backing up and restoring), " +
            "or move the file away to start with an empty database.", line, StringComparison.Ordinal);
        Assert.Equal(damaged, File.ReadAllBytes(database));
    }

    [Fact]
    public void EmptyFile_OpensAsANewDatabase()
    {
        // What a process killed between creating the file and writing its first page leaves.
        var database = _folder.File("vocabbot.db");
        File.WriteAllBytes(database, []);

        using var opened = new VocabDatabase(database);

        Assert.Empty(opened.Database.GetCollectionNames());
    }

    /// <summary>A database of 2,000 answers, closed cleanly: about 60 pages in one file.</summary>
    private byte[] WholeDatabase()
    {
        var path = _folder.File("whole.db");
        using (var database = new VocabDatabase(path))
        {
            var scoreboard = TestScoreboard.On(database);
            for (var i = 0; i < 2000; i++)
                scoreboard.Record("guild", $"user-{i % 7}", "Learner", $"word-{i}", i % 3 != 0, TestBot.Start.AddMinutes(i));
        }

        return File.ReadAllBytes(path);
    }

    private static byte[] Damage(byte[] whole, string damage)
    {
        const int page = DatabaseFile.PageSize;
        switch (damage)
        {
            case "shorter than a page":
                return whole[..4000];
            case "cut mid-page":
                return whole[..(whole.Length / 2 + 100)];
            case "cut at a page":
                return whole[..(whole.Length / 2 / page * page)];
            case "garbage":
                var noise = new byte[whole.Length];
                new Random(7).NextBytes(noise);
                return noise;
            case "mangled header":
                var mangled = (byte[])whole.Clone();
                mangled.AsSpan(68, 8).Fill(0xFF); // the creation time LiteDB reads as it opens
                return mangled;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }
}
