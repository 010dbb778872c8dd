using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace VocabBot.Chat;

internal static class ChatSetup
{
    /// <summary>The router the transports use; features add their commands and buttons with the two methods below.</summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ChatRouter>();
        // Every feature's texts: IStringLocalizer<XxxText> reads Xxx/XxxText.resx and its zh-TW sibling.
        builder.Services.AddLocalization();
        return builder;
    }

    public static IServiceCollection AddChatCommand<T>(this IServiceCollection services) where T : class, IChatCommand
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IChatCommand>(sp => sp.GetRequiredService<T>());
        return services;
    }

    public static IServiceCollection AddChatButton<T>(this IServiceCollection services) where T : class, IChatButton
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IChatButton>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
