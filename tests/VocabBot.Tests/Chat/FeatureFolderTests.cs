namespace VocabBot.Tests.Chat;

/// <summary>How the source is laid out: feature folders do not import each other in a circle, and only Discord/ knows Discord.</summary>
public sealed class FeatureFolderTests
{
    private static readonly string Source = Path.Combine(Paths.RepositoryRoot, "src", "VocabBot");

    [Theory]
    [InlineData("Learning", "VocabBot.WordOfTheDay")]
    [InlineData("Learning", "VocabBot.Discord")]
    [InlineData("Learning", "VocabBot.Console")]
    [InlineData("Learning", "VocabBot.Race")]
    [InlineData("Race", "VocabBot.Discord")]
    [InlineData("Race", "VocabBot.Console")]
    [InlineData("Race", "VocabBot.WordOfTheDay")]
    [InlineData("WordOfTheDay", "VocabBot.Discord")]
    [InlineData("WordOfTheDay", "VocabBot.Console")]
    [InlineData("Content", "VocabBot.Learning")]
    [InlineData("Chat", "VocabBot.Learning")]
    [InlineData("Chat", "VocabBot.Discord")]
    [InlineData("Console", "VocabBot.Discord")]
    public void Folder_DoesNotUse(string folder, string forbidden)
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(forbidden, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Source, file));

        Assert.Empty(offenders);
    }

    [Fact]
    public void NoSourceFileOutsideDiscord_BuildsDiscordJsonOrRoutes()
    {
        var offenders = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Discord{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(file) is not ("Program.cs" or "AppComposition.cs"))
            .Where(file => File.ReadAllText(file) is var text && (text.Contains("System.Text.Json.Nodes", StringComparison.Ordinal) || text.Contains("DiscordRoute", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(Source, file));

        Assert.Empty(offenders);
    }
}
