using System.Diagnostics;

namespace VocabBot.Tests.Discord;

public sealed class ProgramTests
{
    [Fact]
    public async Task Run_WithoutToken_ExitsTwoPointingToConsole()
    {
        var app = Paths.AppDll;
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
