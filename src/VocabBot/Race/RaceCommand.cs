using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Learning;
using VocabBot.Learning.Quiz;
using VocabBot.Library;

namespace VocabBot.Race;

/// <summary>
/// /race start [rounds] [article] [seconds] and /race stop, in a server channel: one race per channel, stopped by
/// whoever started it or a member with Manage Messages. The race itself is posted and run by <see cref="RaceHost"/>.
/// </summary>
internal sealed class RaceCommand(
    ServerLibraries libraries,
    RaceQuestions questions,
    IRaceStore store,
    RaceHost host,
    TimeProvider time,
    IOptions<LearningOptions> options,
    IStringLocalizer<RaceText> text) : IChatCommand
{
    public const int MinRounds = 3;
    public const int MaxRounds = 20;
    public const int DefaultRounds = 5;
    public const int MinSeconds = 10;
    public const int MaxSeconds = 60;

    private int DefaultSeconds => (int)options.Value.RaceAnswerTime.TotalSeconds;

    public CommandDefinition Definition { get; } = new("race", CommandText.Description(text, "race"), [])
    {
        Localizations = CommandText.Localized(text, "race"),
        Subcommands =
        [
            new("start", CommandText.Description(text, "start"),
            [
                CommandText.Option(text, new("rounds", "", CommandOptionType.Integer, MinValue: MinRounds, MaxValue: MaxRounds), "rounds", MinRounds, MaxRounds, DefaultRounds),
                CommandText.Option(text, new("article", "", Autocomplete: true), "article"),
                CommandText.Option(text, new("seconds", "", CommandOptionType.Integer, MinValue: MinSeconds, MaxValue: MaxSeconds), "seconds",
                    MinSeconds, MaxSeconds, (int)options.Value.RaceAnswerTime.TotalSeconds),
            ]) { Localizations = CommandText.Localized(text, "start") },
            new("stop", CommandText.Description(text, "stop"), []) { Localizations = CommandText.Localized(text, "stop") },
        ],
    };

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.GuildId is not { } guildId || request.ChannelId is not { } channelId)
            return Task.FromResult(ChatReply.Private(text["NotInServer"]));
        return Task.FromResult(request.Subcommand switch
        {
            "start" => Start(request, guildId, channelId),
            "stop" => Stop(request, channelId),
            _ => ChatReply.Private(text["UseSubcommand"]),
        });
    }

    public IReadOnlyList<string> Complete(AutocompleteRequest request) =>
        request?.Option == "article" ? Articles.Complete(libraries.For(request.GuildId).Articles(), request.Typed, HeadwordIndex.MaxResults) : [];

    private ChatReply Start(ChatRequest request, string guildId, string channelId)
    {
        if (!host.CanPost)
            return ChatReply.Private(text["NoChannel"]);
        if (Number(request.Option("rounds"), MinRounds, MaxRounds, DefaultRounds) is not { } rounds)
            return ChatReply.Private(text["RoundsInvalid", MinRounds, MaxRounds, CommandInput.Shorten(request.Option("rounds")!.Trim(), 20)]);
        if (Number(request.Option("seconds"), MinSeconds, MaxSeconds, DefaultSeconds) is not { } seconds)
            return ChatReply.Private(text["SecondsInvalid", MinSeconds, MaxSeconds, CommandInput.Shorten(request.Option("seconds")!.Trim(), 20)]);
        var library = libraries.For(guildId);
        LibraryArticle? article = null;
        if (request.Option("article") is { } typed && !string.IsNullOrWhiteSpace(typed)
            && (article = Articles.Find(library.Articles(), typed)) is null)
            return ChatReply.Private(text["NoArticle", CommandInput.Shorten(typed.Trim(), 40)]);
        if (store.RunningIn(channelId) is { } running)
            return AlreadyRunning(running);
        if (library.Pool.ByKey.Count < QuizBuilder.OptionCount)
            return ChatReply.Private(text["TooFewWords", QuizBuilder.OptionCount, library.Pool.ByKey.Count]);

        // The questions are posted in the server's language, whoever starts the race.
        var locale = request.GuildLocale ?? request.Locale;
        var asked = ChatCulture.In(ChatCulture.For(locale), () => questions.Build(library, article, rounds));
        if (asked.Count == 0)
            return ChatReply.Private(text["NoQuestions"]);
        var now = time.GetUtcNow();
        var race = new RaceRecord
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            GuildId = guildId,
            ChannelId = channelId,
            StarterId = request.UserId,
            StarterName = request.DisplayName,
            Locale = locale,
            AnswerTime = TimeSpan.FromSeconds(seconds),
            Questions = asked,
            Deadline = now + TimeSpan.FromSeconds(seconds),
            StartedAt = now,
        };
        if (store.Start(race, now) is { } other)
            return AlreadyRunning(other);
        host.Launch(race);
        var fewer = asked.Count < rounds ? text[asked.Count == 1 ? "FewerRoundsOne" : "FewerRoundsMany", asked.Count].Value : "";
        return ChatReply.Private(text[asked.Count == 1 ? "StartedOne" : "StartedMany", asked.Count, seconds, fewer]);
    }

    private ChatReply Stop(ChatRequest request, string channelId)
    {
        if (store.RunningIn(channelId) is not { } race)
            return ChatReply.Private(text["NoRace"]);
        if (race.StarterId != request.UserId && !request.IsMessageManager)
            return ChatReply.Private(text["NotStarter", ChatMarkup.Escape(race.StarterName)]);
        if (!store.RequestStop(race.Id, request.DisplayName))
            return ChatReply.Private(text["NoRace"]);
        host.Stop(race.Id);
        return ChatReply.Private(text["Stopping"]);
    }

    private ChatReply AlreadyRunning(RaceRecord race) =>
        ChatReply.Private(text["AlreadyRunning", race.Current + 1, race.Questions.Count, ChatMarkup.Escape(race.StarterName)]);

    private static int? Number(string? typed, int min, int max, int fallback)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return fallback;
        return int.TryParse(typed.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
    }
}
