using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Chat;

namespace VocabBot.Learning.Summary;

internal static class SummarySetup
{
    /// <summary>/summary: an article's summary beside its correction.</summary>
    public static IHostApplicationBuilder AddSummary(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChatCommand<SummaryCommand>();
        return builder;
    }
}
