using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VocabBot.Content;

internal static class ContentSetup
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ContentOptions>, ContentOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ArticleParser(sp.GetRequiredService<TimeProvider>(), Options(sp).ParseTimeout));
        builder.Services.AddSingleton<Vocabulary>();
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ContentImporter>(sp, Options(sp)));
        builder.Services.AddSingleton<ContentImportService>();
        // Registered before every other hosted service, so the words are in before anything serves.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentImportService>());
        return builder;
    }

    private static ContentOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<ContentOptions>>().Value;
}
