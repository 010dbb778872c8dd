using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Chat;
using VocabBot.Learning.Quiz;
using VocabBot.Storage;

namespace VocabBot.Tests;

/// <summary>
/// The real host (storage, content import, learning) over an in-memory or temp-file LiteDB,
/// with a fake clock and a seeded random; one per test.
/// </summary>
internal sealed class TestBot : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero); // 09:00 in Taipei

    private readonly IHost _host;

    private TestBot(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public ChatRouter Commands => Get<ChatRouter>();

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Starts a bot over <paramref name="contentDirectory"/> (default: the tests' TestData/Library).</summary>
    public static async Task<TestBot> StartAsync(string? contentDirectory = null, int seed = 1, string? databasePath = null,
        IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, AppTransport transport = AppTransport.None)
    {
        time ??= new FakeTimeProvider(Start);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Paths.RepositoryRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:Directory"] = contentDirectory ?? Paths.Library,
            ["Content:Watch"] = "false",
            ["Storage:DatabasePath"] = databasePath ?? "unused.db",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new Random(seed));
        builder.AddVocabBot(transport);
        if (databasePath is null)
            builder.Services.AddSingleton(new VocabDatabase(new MemoryStream()));
        var host = builder.Build();
        await host.StartAsync();
        return new TestBot(host, time);
    }

    public Task<ChatReply> SendAsync(string user, string command, params (string Name, string Value)[] options) =>
        SendInAsync("guild", user, command, options);

    public Task<ChatReply> SendInAsync(string? guild, string user, string command, params (string Name, string Value)[] options) =>
        Commands.HandleAsync(new ChatRequest(user, Name(user), guild, command, options.ToDictionary(o => o.Name, o => o.Value)), CancellationToken.None);

    public IReadOnlyList<string> Complete(string command, string option, string typed, string? guild = "guild") =>
        Commands.Complete(new AutocompleteRequest("someone", guild, command, option, typed));

    public Task<ChatReply> ClickAsync(string user, ChatButton button, string? guild = "guild") =>
        Commands.ClickAsync(new ButtonClick(user, Name(user), guild, button.Id), CancellationToken.None);

    /// <summary>The question a reply with answer buttons shows, read from the stored session.</summary>
    public QuizQuestion QuestionOf(ChatReply reply)
    {
        var id = reply.ButtonList[0].Id;
        return Get<IQuizStore>().Find(id.Arg(0))!.Questions[int.Parse(id.Arg(1), System.Globalization.CultureInfo.InvariantCulture)];
    }

    public ChatButton RightButton(ChatReply reply) => reply.ButtonList[QuestionOf(reply).Answer];

    public ChatButton WrongButton(ChatReply reply) => reply.ButtonList[(QuestionOf(reply).Answer + 1) % reply.ButtonList.Count];

    /// <summary>Answers every question of a quiz reply (right when <paramref name="right"/> says so) and returns the last reply.</summary>
    public async Task<ChatReply> AnswerAllAsync(string user, ChatReply reply, Func<int, bool> right)
    {
        for (var i = 0; ; i++)
        {
            reply = await ClickAsync(user, right(i) ? RightButton(reply) : WrongButton(reply));
            var next = reply.ButtonList.FirstOrDefault(b => b.Label == "Next");
            if (next is null)
                return reply;
            reply = await ClickAsync(user, next);
        }
    }

    public static string Name(string user) => $"Name of {user}";

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
