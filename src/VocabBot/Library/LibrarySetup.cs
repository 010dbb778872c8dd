using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Chat;
using VocabBot.Storage;

namespace VocabBot.Library;

internal static class LibrarySetup
{
    /// <summary>The shipped articles' indexes, each server's own articles, and the /article and /articles commands.</summary>
    public static IHostApplicationBuilder AddLibrary(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LibraryOptions>()
            .BindConfiguration(LibraryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<HeadwordIndex>();
        builder.Services.AddSingleton<QuizPools>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QuizPools>());
        builder.Services.AddSingleton<ShippedWords>();
        builder.Services.AddStore<ILibraryStore, LiteDbLibraryStore, PostgresLibraryStore>();
        builder.Services.AddStoreCopier<LibraryCopier>();
        builder.Services.AddSingleton<ServerLibraries>();
        builder.Services.AddSingleton<PostgresLibraryListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresLibraryListener>());
        builder.Services.AddSingleton<UploadLimiter>();

        builder.Services.AddChatCommand<ArticleCommand>();
        builder.Services.AddChatCommand<ArticlesCommand>();
        builder.Services.AddChatButton<ArticlesCommand>();
        return builder;
    }
}
