using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Library;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;

using VocabBot.Chat;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>The word-of-the-day service over a real LiteDB file, the test articles and a fake clock.</summary>
internal sealed class WotdFixture : IDisposable
{
    public static readonly TimeZoneInfo Taipei = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private readonly TempFolder _data = new();

    public WotdFixture(DateTimeOffset now, WordOfTheDayOptions? options = null)
    {
        Content = TestFiles.FolderWith("seed.md", "english-headers.md");
        Time = new FakeTimeProvider(now);
        Options = options ?? new WordOfTheDayOptions { RetryDelay = TimeSpan.FromSeconds(1) };
        Open();
        Importer.Import(Content.Path);
    }

    public TempFolder Content { get; }
    public FakeTimeProvider Time { get; }
    public WordOfTheDayOptions Options { get; }
    public RecordingPoster Poster { get; } = new();
    public VocabDatabase Database { get; private set; } = null!;
    public Vocabulary Vocabulary { get; private set; } = null!;
    public ContentImporter Importer { get; private set; } = null!;
    public WordOfTheDayService Service { get; private set; } = null!;
    public IWotdStore Store { get; private set; } = null!;
    public WordCycle Cycle { get; private set; } = null!;
    public WotdSchedules Schedules { get; private set; } = null!;

    public ServerLibraries Libraries { get; private set; } = null!;

    /// <summary>Closes the database and opens it again, as a restart would.</summary>
    public void Restart()
    {
        Database.Dispose();
        Open();
    }

    public void Dispose()
    {
        Database.Dispose();
        Content.Dispose();
        _data.Dispose();
    }

    private void Open()
    {
        Database = new VocabDatabase(_data.File("vocabbot.db"));
        Vocabulary = new Vocabulary(Database);
        Importer = new ContentImporter(Database, Vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance);
        Store = new LiteDbWotdStore(Database);
        Cycle = new WordCycle(Store, new Random(42));
        var shipped = new ShippedWords(Vocabulary, new HeadwordIndex(Vocabulary), new QuizPools(Vocabulary, NullLogger<QuizPools>.Instance));
        Libraries = new ServerLibraries(new LiteDbLibraryStore(Database), shipped, Microsoft.Extensions.Options.Options.Create(new LibraryOptions()));
        Schedules = new WotdSchedules(Store, Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(new LearningOptions()));
        Service = new WordOfTheDayService(Store, Libraries, Cycle, Schedules, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<WordOfTheDayService>.Instance,
            new WotdCard(TestText.For<WotdText>(), TestText.For<VocabBot.Learning.LearningText>()));
    }
}

/// <summary>A transport that records what it posts and can be told to fail or refuse the next posts.</summary>
internal sealed class RecordingPoster : IChannelMessenger
{
    private readonly Lock _gate = new();
    private readonly List<(string Channel, ChatReply Message)> _posts = [];

    public int FailNext { get; set; }

    /// <summary>When set, every post is refused for good, as Discord's 403 Missing Permissions is.</summary>
    public bool Refuse { get; set; }

    public int Attempts { get; private set; }

    /// <summary>When set, every post waits for it first: a Discord that is slow to answer.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<(string Channel, ChatReply Message)> Posts
    {
        get { lock (_gate) return [.. _posts]; }
    }

    public async Task<string> PostAsync(string channelId, ChatReply message, CancellationToken cancellationToken)
    {
        if (Gate is { } gate)
            await gate.Task.WaitAsync(cancellationToken);
        return Post(channelId, message);
    }

    private string Post(string channelId, ChatReply message)
    {
        lock (_gate)
        {
            Attempts++;
            if (Refuse)
                throw new ChannelRefusedException(channelId, "the bot lacks a permission there: Missing Permissions");
            if (FailNext > 0)
            {
                FailNext--;
                throw new HttpRequestException("Discord answered 500");
            }

            _posts.Add((channelId, message));
            return _posts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public Task EditAsync(string channelId, string messageId, ChatReply message, CancellationToken cancellationToken) => Task.CompletedTask;
}
