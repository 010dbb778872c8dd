using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Library;
using VocabBot.Storage;

namespace VocabBot.Learning.Quiz;

/// <summary>/quiz [count] [kind] [article], /review [count] and the clicks on their answer and Next buttons.</summary>
internal sealed class QuizCommands(
    ServerLibraries libraries,
    QuizBuilder builder,
    CorrectionQuestions correction,
    WordPicker picker,
    IQuizStore sessions,
    ReviewMemory memory,
    Scoreboard scoreboard,
    IStoreTransactions transactions,
    TimeProvider time,
    IOptions<LearningOptions> options,
    IStringLocalizer<LearningText> text,
    IStringLocalizer<ChatText> chat)
{
    public const int DefaultCount = 5;
    public const int MaxCount = 20;

    public static CommandOption CountOption(IStringLocalizer<LearningText> text) =>
        CommandText.Option(text, new("count", "", CommandOptionType.Integer, MinValue: 1, MaxValue: MaxCount), "count", MaxCount, DefaultCount);

    public ChatReply Start(ChatRequest request, QuizMode mode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = mode == QuizMode.Review ? "review" : "quiz";
        if (CommandInput.Count(chat, request.Option("count"), DefaultCount, MaxCount, command, out var error) is not { } count)
            return error!;
        // /review has no kind: it asks the words due, whatever a hand-made request carries.
        if ((mode == QuizMode.Review ? QuizKind.Mixed : QuizKinds.Parse(request.Option("kind"))) is not { } kind)
            return ChatReply.Private(text["QuizBadKind", string.Join(", ", QuizKinds.Names), CommandInput.Shorten(request.Option("kind")!.Trim(), 20)]);

        var library = libraries.For(request.GuildId);
        var pool = library.Pool;
        LibraryArticle? article = null;
        if (request.Option("article") is { } typed && !string.IsNullOrWhiteSpace(typed))
        {
            article = Articles.Find(library.Articles(), typed);
            if (article is null)
                return ChatReply.Private(text["QuizNoArticle", CommandInput.Shorten(typed.Trim(), 40)]);
        }

        var now = time.GetUtcNow();
        var articles = article is null ? library.Articles() : [article];
        if (kind == QuizKind.Correction)
        {
            return correction.Build(articles, count) is { Count: > 0 } asked
                ? Open(request.UserId, request.DisplayName, request.GuildId, mode, asked, Counted("QuizIntroCorrection", asked.Count, Fewer(asked.Count, count)), now)
                : ChatReply.Private(correction.NoneToAsk(article));
        }

        if (pool.ByKey.Count < QuizBuilder.OptionCount)
            return TooFewWords(request.GuildId, pool.ByKey.Count);

        var slots = mode == QuizMode.Quiz && kind == QuizKind.Mixed ? count / QuizKinds.CorrectionEvery : 0;
        var corrections = slots > 0 ? correction.Build(articles, slots) : [];
        var wanted = count - corrections.Count;
        // Not every example sentence can be blanked: a cloze quiz looks at more words to find enough.
        var candidates = kind == QuizKind.Cloze ? wanted * 2 : wanted;
        var inArticle = article is null ? null : library.EntriesOf(article.Id);
        var words = inArticle is null
            ? picker.Pick(request.UserId, pool, candidates, mode, now)
            : picker.Pick(request.UserId, inArticle, candidates, mode, now);
        if (words.Count == 0)
        {
            return mode == QuizMode.Review
                ? NothingDue(request, inArticle ?? pool.Words, inArticle?.ToDictionary(w => w.Key, StringComparer.Ordinal) ?? pool.ByKey, now)
                : ChatReply.Private(text["QuizArticleNoWords"]);
        }

        var questions = builder.Build(words, pool, QuizKinds.WordQuestions(kind)).Take(wanted).ToList();
        if (questions.Count == 0)
        {
            return ChatReply.Private(kind == QuizKind.Cloze
                ? text["QuizNoCloze"]
                : text["QuizTooFewMeanings"]);
        }

        CorrectionQuestions.MixInto(questions, corrections);
        var intro = mode == QuizMode.Review ? Counted("ReviewIntro", questions.Count) : Counted("QuizIntro", questions.Count, Fewer(questions.Count, count));
        return Open(request.UserId, request.DisplayName, request.GuildId, mode, questions, intro, now);
    }

    /// <summary>A one-question quiz on one word, for whoever clicked "Quiz me" under a word of the day; only they see it.</summary>
    public ChatReply StartWord(ButtonClick click, string key)
    {
        ArgumentNullException.ThrowIfNull(click);
        var pool = libraries.For(click.GuildId).Pool;
        var word = pool.ByKey.GetValueOrDefault(key);
        if (word is null)
            return ChatReply.Private(text["QuizWordGone"]);
        if (pool.ByKey.Count < QuizBuilder.OptionCount)
            return TooFewWords(click.GuildId, pool.ByKey.Count);
        var questions = builder.Build([word], pool);
        if (questions.Count == 0)
            return ChatReply.Private(text["QuizWordTooFewMeanings"]);
        var reply = Open(click.UserId, click.DisplayName, click.GuildId, QuizMode.Quiz, questions, text["QuizIntroWord", word.Headword], time.GetUtcNow());
        return reply with { Ephemeral = true };
    }

    private string Fewer(int asked, int count) => asked < count ? text["QuizFewer", asked] : "";

    /// <summary>A text with a count in it: its "{key}One" for 1, its "{key}Many" otherwise (English has a plural, Chinese none).</summary>
    private string Counted(string key, int count, string rest = "") => text[key + (count == 1 ? "One" : "Many"), count, rest];

    private ChatReply TooFewWords(string? guildId, int words) =>
        ChatReply.Private(text[guildId is null ? "QuizTooFewWords" : "QuizTooFewWordsServer", QuizBuilder.OptionCount, words]);

    private ChatReply Open(string userId, string userName, string? guildId, QuizMode mode, List<QuizQuestion> questions, string intro, DateTimeOffset now)
    {
        var session = new QuizSession
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            UserId = userId,
            UserName = userName,
            GuildId = guildId,
            Mode = mode,
            Questions = questions,
            Status = QuizStatus.Open,
            StartedAt = now,
            LastActivity = now,
        };
        sessions.Start(session, now);
        return QuizReplies.Question(text, session, intro);
    }

    public ChatReply Click(ButtonClick click)
    {
        ArgumentNullException.ThrowIfNull(click);
        var id = click.Button;
        if (id.Args.Count != 3 || !int.TryParse(id.Arg(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return ChatReply.Private(text["QuizNotOurButton"]);

        var session = sessions.Find(id.Arg(0));
        if (session is null || index >= session.Questions.Count)
            return ChatReply.Private(text["QuizNotOpen"]);
        if (session.UserId != click.UserId)
            return ChatReply.Private(text["QuizSomeoneElses", session.UserName]);
        var now = time.GetUtcNow();
        if (Closed(session, now) is { } closed)
            return closed;
        return id.Arg(2) switch
        {
            QuizReplies.Next => Next(session, index, now),
            QuizReplies.Missed => AskMissed(session, click, now),
            var choice => Answer(session, index, choice, click, now),
        };
    }

    // A new quiz on the words a finished one got wrong, from the button under its result; only the clicker sees it.
    private ChatReply AskMissed(QuizSession session, ButtonClick click, DateTimeOffset now)
    {
        if (session.Status != QuizStatus.Finished)
            return ChatReply.Private(text["QuizMissedNotFinished"]);
        var pool = libraries.For(session.GuildId).Pool;
        var words = QuizReplies.MissedWords(session).Select(q => pool.ByKey.GetValueOrDefault(q.WordKey)).OfType<WordEntry>().ToList();
        if (words.Count == 0)
            return ChatReply.Private(text["QuizMissedGone"]);
        if (pool.ByKey.Count < QuizBuilder.OptionCount)
            return TooFewWords(session.GuildId, pool.ByKey.Count);
        var questions = builder.Build(words, pool);
        if (questions.Count == 0)
            return ChatReply.Private(text["QuizTooFewMeanings"]);
        return Open(click.UserId, click.DisplayName, session.GuildId, QuizMode.Quiz, questions, Counted("QuizIntroMissed", questions.Count), now) with { Ephemeral = true };
    }

    private ChatReply? Closed(QuizSession session, DateTimeOffset now)
    {
        var expiry = options.Value.QuizExpiry;
        if (session.Status == QuizStatus.Open && now - session.LastActivity > expiry)
        {
            session.Status = QuizStatus.Expired;
            sessions.Expire(session.Id);
        }

        return session.Status switch
        {
            QuizStatus.Expired => ChatReply.Private(text["QuizExpired", expiry.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)]),
            QuizStatus.Replaced => ChatReply.Private(text["QuizReplaced"]),
            _ => null,
        };
    }

    private ChatReply Next(QuizSession session, int index, DateTimeOffset now)
    {
        if (index != session.Current || session.Questions[index].Chosen is null || index + 1 >= session.Questions.Count
            || !sessions.Advance(session.Id, index, now))
            return ChatReply.Private(text["QuizPastQuestion"]);
        session.Current++;
        session.LastActivity = now;
        return QuizReplies.Question(text, session);
    }

    private ChatReply Answer(QuizSession session, int index, string choice, ButtonClick click, DateTimeOffset now)
    {
        var question = session.Questions[index];
        if (question.Chosen is not null || index != session.Current)
            return ChatReply.Private(text["QuizAlreadyAnswered"]);
        if (!int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var option) || option >= question.Options.Count)
            return ChatReply.Private(text["QuizNotAnOption"]);

        var correct = option == question.Answer;
        var last = index + 1 == session.Questions.Count;
        // One transaction: the question marked answered only if nothing was chosen yet (a second click, here or in
        // another process, changes nothing), the review memory and the score, all or none.
        var answer = transactions.Run(() =>
        {
            if (!sessions.Choose(session.Id, index, option))
                return null;
            // Review memory schedules words: a correction question is in no word pool, so /review could never ask it
            // again, and /stats would count it as a word learned and due. It is scored like any answer.
            if (question.Kind != QuestionKind.Correction)
                memory.Record(session.UserId, question.WordKey, correct, now);
            var recorded = scoreboard.Record(session.GuildId, session.UserId, click.DisplayName, question.WordKey, correct, now);
            sessions.AddResult(session.Id, correct, recorded.Points, now, last);
            return recorded;
        });
        if (answer is null)
            return ChatReply.Private(text["QuizAlreadyAnswered"]);

        question.Chosen = option;
        session.Right += correct ? 1 : 0;
        session.Points += answer.Points;
        session.LastActivity = now;
        session.Status = last ? QuizStatus.Finished : QuizStatus.Open;
        return QuizReplies.Answered(text, session, question, answer, last);
    }

    private ChatReply NothingDue(ChatRequest request, IReadOnlyList<WordEntry> candidates, IReadOnlyDictionary<string, WordEntry> byKey, DateTimeOffset now)
    {
        if (picker.NextDue(request.UserId, candidates, byKey, now) is not { } due)
            return ChatReply.Private(text["ReviewNoneYet"]);
        var zone = options.Value.ZoneFor(request.GuildId);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        return ChatReply.Private(text["ReviewNothingDue", local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), zone.Id, CommandInput.Until(chat, due - now)]);
    }
}
