using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Chat;
using VocabBot.Console;
using VocabBot.Content;
using VocabBot.Discord;
using VocabBot.Learning;
using VocabBot.Learning.Summary;
using VocabBot.Library;
using VocabBot.Race;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;

namespace VocabBot;

/// <summary>How the app is put together: Program.cs and the tests both build the host through here.</summary>
internal static class AppComposition
{
    /// <summary>Storage and content first (features read them), the features, then the one transport the verb runs.</summary>
    public static IHostApplicationBuilder AddVocabBot(this IHostApplicationBuilder builder, AppTransport transport)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddStorage();
        builder.AddContent();
        builder.AddChat();
        builder.AddLearning();
        builder.AddSummary();
        builder.AddWordOfTheDay();
        builder.AddLibrary();
        builder.AddRace();
        if (transport == AppTransport.Console)
        {
            builder.AddConsoleChat();
            // The console never posts on a schedule: it would mark days as posted that the bot has not posted.
            builder.Services.PostConfigure<WordOfTheDayOptions>(o => o.PostOnSchedule = false);
        }
        else if (transport == AppTransport.Discord)
        {
            builder.AddDiscord();
            builder.AddScheduledBackups();
        }
        return builder;
    }
}

/// <summary>Which transport carries the chat: Discord (the bot), the console, or none (features only, for tests).</summary>
internal enum AppTransport { None, Discord, Console }
