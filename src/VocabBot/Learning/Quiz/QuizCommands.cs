using System.Globalization;
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
    IOptions<LearningOptions> options)
{
    public const int DefaultCount = 5;
    public const int MaxCount = 20;

    public static readonly CommandOption CountOption = new("count", $"How many questions, 1 to {MaxCount} (default {DefaultCount})",
        CommandOptionType.Integer, MinValue: 1, MaxValue: MaxCount);

    public const string AlreadyAnswered = "You already answered this question; your first answer stands.";

    public ChatReply Start(ChatRequest request, QuizMode mode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = mode == QuizMode.Review ? "review" : "quiz";
        if (CommandInput.Count(request.Option("count"), DefaultCount, MaxCount, command, out var error) is not { } count)
            return error!;
        // /review has no kind: it asks the words due, whatever a hand-made request carries.
        if ((mode == QuizMode.Review ? QuizKind.Mixed : QuizKinds.Parse(request.Option("kind"))) is not { } kind)
            return ChatReply.Private($"The kind is one of {string.Join(", ", QuizKinds.Names)}, not '{CommandInput.Shorten(request.Option("kind")!.Trim(), 20)}'; e.g. /quiz kind:cloze.");

        var library = libraries.For(request.GuildId);
        var pool = library.Pool;
        LibraryArticle? article = null;
        if (request.Option("article") is { } typed && !string.IsNullOrWhiteSpace(typed))
        {
            article = Articles.Find(library.Articles(), typed);
            if (article is null)
                return ChatReply.Private($"No article matches '{CommandInput.Shorten(typed.Trim(), 40)}'; leave it out or pick one the autocomplete offers.");
        }

        var now = time.GetUtcNow();
        var articles = article is null ? library.Articles() : [article];
        if (kind == QuizKind.Correction)
        {
            return correction.Build(articles, count) is { Count: > 0 } asked
                ? Open(request.UserId, request.DisplayName, request.GuildId, mode, asked, $"Quiz: {asked.Count} correction question(s){Fewer(asked.Count, count)}.", now)
                : ChatReply.Private(CorrectionQuestions.NoneToAsk(article));
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
                : ChatReply.Private("That article has no words to ask; pick another or leave the article out.");
        }

        var questions = builder.Build(words, pool, QuizKinds.WordQuestions(kind)).Take(wanted).ToList();
        if (questions.Count == 0)
        {
            return ChatReply.Private(kind == QuizKind.Cloze
                ? "None of those words' example sentences has the word to blank out; try another kind or article."
                : "Those words have too few different meanings to make four options from; try another article.");
        }

        CorrectionQuestions.MixInto(questions, corrections);
        var intro = mode == QuizMode.Review ? $"Review: {questions.Count} due word(s)." : $"Quiz: {questions.Count} question(s){Fewer(questions.Count, count)}.";
        return Open(request.UserId, request.DisplayName, request.GuildId, mode, questions, intro, now);
    }

    /// <summary>A one-question quiz on one word, for whoever clicked "Quiz me" under a word of the day; only they see it.</summary>
    public ChatReply StartWord(ButtonClick click, string key)
    {
        ArgumentNullException.ThrowIfNull(click);
        var pool = libraries.For(click.GuildId).Pool;
        var word = pool.ByKey.GetValueOrDefault(key);
        if (word is null)
            return ChatReply.Private("That word is no longer in the study articles; try /quiz.");
        if (pool.ByKey.Count < QuizBuilder.OptionCount)
            return TooFewWords(click.GuildId, pool.ByKey.Count);
        var questions = builder.Build([word], pool);
        if (questions.Count == 0)
            return ChatReply.Private("That word has too few different meanings around it to make four options from; try /quiz.");
        var reply = Open(click.UserId, click.DisplayName, click.GuildId, QuizMode.Quiz, questions, $"Quiz: {word.Headword}.", time.GetUtcNow());
        return reply with { Ephemeral = true };
    }

    private static string Fewer(int asked, int count) => asked < count ? $" (only {asked} to ask)" : "";

    private static ChatReply TooFewWords(string? guildId, int words) => ChatReply.Private(guildId is null
        ? $"A quiz needs at least {QuizBuilder.OptionCount} words and there are {words}; add articles to the content folder."
        : $"A quiz needs at least {QuizBuilder.OptionCount} words and this server's library has {words}; a server manager can add notes with /article add.");

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
        return QuizReplies.Question(session, intro);
    }

    public ChatReply Click(ButtonClick click)
    {
        ArgumentNullException.ThrowIfNull(click);
        var id = click.Button;
        if (id.Args.Count != 3 || !int.TryParse(id.Arg(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            return ChatReply.Private("That button is not one of this bot's quiz buttons.");

        var session = sessions.Find(id.Arg(0));
        if (session is null || index >= session.Questions.Count)
            return ChatReply.Private("That quiz is no longer open; start a new one with /quiz.");
        if (session.UserId != click.UserId)
            return ChatReply.Private($"This quiz is {session.UserName}'s; start your own with /quiz.");
        var now = time.GetUtcNow();
        if (Closed(session, now) is { } closed)
            return closed;
        return id.Arg(2) == QuizReplies.Next ? Next(session, index, now) : Answer(session, index, id.Arg(2), click, now);
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
            QuizStatus.Expired => ChatReply.Private($"This quiz expired after {expiry.TotalMinutes:0} minutes without an answer; start a new one with /quiz."),
            QuizStatus.Replaced => ChatReply.Private("You started a newer quiz; answer that one, or start again with /quiz."),
            _ => null,
        };
    }

    private ChatReply Next(QuizSession session, int index, DateTimeOffset now)
    {
        if (index != session.Current || session.Questions[index].Chosen is null || index + 1 >= session.Questions.Count
            || !sessions.Advance(session.Id, index, now))
            return ChatReply.Private("You are already past that question; answer the one shown last.");
        session.Current++;
        session.LastActivity = now;
        return QuizReplies.Question(session);
    }

    private ChatReply Answer(QuizSession session, int index, string choice, ButtonClick click, DateTimeOffset now)
    {
        var question = session.Questions[index];
        if (question.Chosen is not null || index != session.Current)
            return ChatReply.Private(AlreadyAnswered);
        if (!int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var option) || option >= question.Options.Count)
            return ChatReply.Private("That button is not one of this question's options.");

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
            return ChatReply.Private(AlreadyAnswered);

        question.Chosen = option;
        session.Right += correct ? 1 : 0;
        session.Points += answer.Points;
        session.LastActivity = now;
        session.Status = last ? QuizStatus.Finished : QuizStatus.Open;
        return QuizReplies.Answered(session, question, answer, last);
    }

    private ChatReply NothingDue(ChatRequest request, IReadOnlyList<WordEntry> candidates, IReadOnlyDictionary<string, WordEntry> byKey, DateTimeOffset now)
    {
        if (picker.NextDue(request.UserId, candidates, byKey, now) is not { } due)
            return ChatReply.Private("You have no words in review yet; answer some with /quiz first.");
        var zone = options.Value.ZoneFor(request.GuildId);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        return ChatReply.Private($"Nothing is due for review; the next word is due {local:yyyy-MM-dd HH:mm} ({zone.Id}), {CommandInput.Until(due - now)}.");
    }
}
