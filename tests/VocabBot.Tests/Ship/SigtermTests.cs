using System.Diagnostics;
using VocabBot.Storage;

namespace VocabBot.Tests.Ship;

public sealed class SigtermTests
{
    [Fact]
    public async Task Sigterm_StopsTheAppCleanly_AndTheDatabaseKeepsWhatItWrote()
    {
        var database = Path.Combine(Path.GetTempPath(), $"vocabbot-sigterm-{Guid.NewGuid():N}.db");
        try
        {
            using var process = Process.Start(Paths.ConsoleProcess(database))!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync("/wotd");
            await process.StandardInput.FlushAsync();
            using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (await process.StandardOutput.ReadLineAsync(wait.Token) is { } line && !line.StartsWith("Word of the day:", StringComparison.Ordinal))
                {
                }
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(process.ExitCode == 0, await stderr);
            using var db = new VocabDatabase(database);
            Assert.Equal(1, db.Database.GetCollection("wotd_days").Count());
            Assert.Equal(41, db.Database.GetCollection("words").Count());
        }
        finally
        {
            File.Delete(database);
        }
    }
}
