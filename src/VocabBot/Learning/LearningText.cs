namespace VocabBot.Learning;

/// <summary>The resources (LearningText.resx, LearningText.zh-TW.resx) of /define, /quiz, /review, /stats and /leaderboard.</summary>
internal sealed class LearningText;
