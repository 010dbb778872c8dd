using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace VocabBot.Tests;

/// <summary>The app's real resources, for tests that build a part without the host; and texts tests compare with.</summary>
internal static class TestText
{
    public const string AlreadyAnswered = "You already answered this question; your first answer stands.";

    public const string CannotSave = "I can't save right now, so nothing was changed; everything saved before is safe. Please try again in a few minutes.";

    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer<T> For<T>() => new StringLocalizer<T>(Factory);
}
