using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VocabBot.Learning;

public static class LearningSetup
{
    public static IHostApplicationBuilder AddLearning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChatCommands>();
        return builder;
    }
}
