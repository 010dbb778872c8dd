using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VocabBot.Storage.Postgres;

namespace VocabBot.Storage;

internal static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddPostgresStorage();
        var contentRoot = builder.Environment.ContentRootPath;
        // Opening takes the file's lock and checks it is whole; HostRunner opens it before anything starts.
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new VocabDatabase(options.FullDatabasePath(contentRoot), options.FullBackupDirectory(contentRoot));
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageHealth>());
        return builder;
    }

    /// <summary>The daily backup, for the bot: a console session is too short-lived to keep a schedule.</summary>
    public static IHostApplicationBuilder AddScheduledBackups(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<BackupService>();
        return builder;
    }
}
