using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Learning;

namespace VocabBot.Benchmarks;

/// <summary>The app's real resources, for benchmarks that build handlers without the host.</summary>
internal static class Texts
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer<LearningText> Learning { get; } = new StringLocalizer<LearningText>(Factory);

    public static IStringLocalizer<ChatText> Chat { get; } = new StringLocalizer<ChatText>(Factory);
}
