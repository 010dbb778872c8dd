namespace VocabBot.Learning.Quiz;

/// <summary>What a question asks: a word's meaning, the word for a meaning, the word for a blank, or a summary's correction.</summary>
internal enum QuestionKind { Meaning, Reverse, Cloze, Correction }

internal enum QuizMode { Quiz, Review }

internal enum QuizStatus { Open, Finished, Expired, Replaced }

/// <summary>
/// One multiple-choice question: four options, exactly one of them right. A correction question
/// (<see cref="CorrectionQuestions"/>) asks about a sentence, not a word: its key is "correction:{article}#{sentence}",
/// its headword the article's title, its meaning the marked changes and its example the learner's sentence.
/// </summary>
internal sealed class QuizQuestion
{
    public string WordKey { get; set; } = "";
    public string Headword { get; set; } = "";
    public QuestionKind Kind { get; set; }
    public string Prompt { get; set; } = "";
    public List<string> Options { get; set; } = [];
    public int Answer { get; set; }
    /// <summary>The option the user picked; null until answered, then never changed.</summary>
    public int? Chosen { get; set; }
    public string Meaning { get; set; } = "";
    public string Example { get; set; } = "";
}

/// <summary>
/// A quiz in progress, as stored in LiteDB so that a restart continues where it was.
/// Its buttons carry "quiz:{Id}:{question}:{option or next}".
/// </summary>
internal sealed class QuizSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string? GuildId { get; set; }
    public QuizMode Mode { get; set; }
    public List<QuizQuestion> Questions { get; set; } = [];
    /// <summary>The question being shown: answered or waiting for an answer.</summary>
    public int Current { get; set; }
    public int Right { get; set; }
    public int Points { get; set; }
    public QuizStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivity { get; set; }

    public int Answered => Questions.Count(q => q.Chosen is not null);
}
