using System.Diagnostics;

namespace VocabBot.Tests.Console;

public sealed class ConsolePipeTests
{
    [Fact]
    public async Task Console_ThroughAPipe_DefinesQuizzesReviewsAndRanks()
    {
        var database = Path.Combine(Path.GetTempPath(), $"vocabbot-pipe-{Guid.NewGuid():N}.db");
        var start = Paths.ConsoleProcess(database);
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            // No /quit: the end of input ends the chat.
            await process.StandardInput.WriteAsync("/define getting access\n/quiz 2\na\nnext\nb\n/review\n/leaderboard\n/stats\n");
            process.StandardInput.Close();

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the console did not exit within 90 s; stderr: {await stderr}");
            }

            var output = await stdout;
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}; stderr: {await stderr}");
            Assert.Contains("getting access → get access: 獲取存取權限\n== get access ==\n", output);
            Assert.Contains("Question 1/2: ", output);
            Assert.Contains("[A] ", output);
            Assert.Contains("Question 2/2: ", output);
            Assert.Contains("Quiz finished: ", output);
            Assert.Contains("Nothing is due for review; the next word is due ", output);
            Assert.Contains("Leaderboard, all time:\n1. Learner (you): ", output);
            Assert.Contains("== Stats for Learner ==\nPoints: ", output);
            Assert.DoesNotContain("info:", output);
        }
        finally
        {
            File.Delete(database);
        }
    }
}
