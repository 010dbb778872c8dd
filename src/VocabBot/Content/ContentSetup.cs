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
        builder.Services.AddSingleton<ArticleParser>();
        builder.Services.AddSingleton<Vocabulary>();
        builder.Services.AddSingleton<ContentImporter>();
        builder.Services.AddSingleton<ContentImportService>();
        // Registered before every other hosted service, so the words are in before anything serves.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentImportService>());
        return builder;
    }
}
