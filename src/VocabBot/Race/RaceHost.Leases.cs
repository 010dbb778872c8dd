namespace VocabBot.Race;

/// <summary>Which races this process runs: one lease a race in the store, renewed while it runs, taken over when it runs out.</summary>
internal sealed partial class RaceHost
{
    // Renews the leases of the races this process runs, drops those another process took, and runs those left
    // without one (their process died, or stopped): at start-up, and every Renew after.
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var race in store.Running())
        {
            if (store.Claim(race.Id, _process, now, now + Lease))
                Launch(race, resumed: true, claimed: true);
            else if (_running.TryGetValue(race.Id, out var lost))
                lost.Lost.Cancel();
        }
    }

    private async Task SweepAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Renew, time, _stopping.Token);
                Sweep();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(logger, e);
            }
        }
    }
}
