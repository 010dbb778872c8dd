using System.Diagnostics;

namespace VocabBot.Tests.Discord;

public sealed class ProgramTests
{
    [Fact]
    public async Task Run_WithoutToken_ExitsTwoPointingToConsole()
    {
        // The app's own output folder: the test folder's copy resolves Hosting from the ASP.NET Core
        // framework the test project references, which the app itself does not.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var app = Path.Combine(BotHarness.RepositoryRoot(), "src", "VocabBot", "bin", output.Parent!.Name, output.Name, "VocabBot.dll");
        var folder = Directory.CreateTempSubdirectory("vocabbot-program-");
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.FullName, RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(app);
            start.Environment.Remove("Discord__Token");
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(2, process.ExitCode);
            Assert.Contains("dotnet run --project src/VocabBot -- console", await error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
