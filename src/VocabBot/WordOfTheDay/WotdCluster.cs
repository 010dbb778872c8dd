using Quartz;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// Quartz's schedule in PostgreSQL, shared by every VocabBot process on the database: each trigger fires on one
/// of them, and the triggers of a process that stops checking in are taken over by the others. Quartz creates
/// its qrtz_* tables at start-up when they are missing (the processes starting together find the winner's).
/// </summary>
internal static class WotdCluster
{
    /// <summary>The scheduler's name in the shared tables: every process has the same one, so they form one cluster.</summary>
    public const string SchedulerName = "VocabBot";

    public static void UsePostgresCluster(this IQuartzBuilder quartz, string connectionString, TimeSpan checkinInterval, TimeSpan checkinMisfireThreshold)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        // The instance id is generated per process (UseClustering turns that on): host name and a timestamp.
        quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = checkinInterval;
                cluster.CheckinMisfireThreshold = checkinMisfireThreshold;
            });
            store.ProvisionSchema();
        });
    }
}
