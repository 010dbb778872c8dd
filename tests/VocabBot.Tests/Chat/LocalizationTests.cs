using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VocabBot.Chat;

namespace VocabBot.Tests.Chat;

public sealed partial class LocalizationTests
{
    private static readonly string Source = Path.Combine(Paths.RepositoryRoot, "src", "VocabBot");

    public static TheoryData<string> NeutralResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Source, "*.resx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileNameWithoutExtension(file).Contains('.', StringComparison.Ordinal))
                data.Add(Path.GetRelativePath(Source, file));
        }
        return data;
    }

    [Fact]
    public void Resources_AreFound()
    {
        // A test over no files would pass whatever happened to them.
        Assert.True(NeutralResources().Count >= 2);
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void EveryEnglishText_HasAZhTwTextWithTheSamePlaceholders(string resource)
    {
        var english = Read(Path.Combine(Source, resource));
        var chinese = Read(Path.Combine(Source, Path.ChangeExtension(resource, ".zh-TW.resx")));

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), chinese.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in english)
            Assert.True(Placeholders(text).SetEquals(Placeholders(chinese[key])), $"{resource} {key}: '{text}' and '{chinese[key]}' differ in placeholders");
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void EveryZhTwText_IsWhatTheLocalizerFindsForItsClass(string resource)
    {
        // The class the resources belong to, by the same folder-and-name rule the localizer factory uses to find them:
        // a resource file the factory cannot find (a moved file, a renamed class) fails here instead of showing English.
        var typeName = "VocabBot." + Path.ChangeExtension(resource, null).Replace(Path.DirectorySeparatorChar, '.');
        var type = typeof(ChatRouter).Assembly.GetType(typeName);
        Assert.NotNull(type);
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(type);
        var chinese = Read(Path.Combine(Source, Path.ChangeExtension(resource, ".zh-TW.resx")));

        var found = ChatCulture.In(ChatCulture.TraditionalChinese, () => chinese.Keys.ToDictionary(key => key, key => localizer[key]));
        foreach (var (key, text) in chinese)
        {
            Assert.False(found[key].ResourceNotFound, $"{typeName}: {key} not found");
            Assert.Equal(text, found[key].Value);
        }
        Assert.NotEqual(chinese.First().Value, ChatCulture.In(ChatCulture.English, () => localizer[chinese.First().Key].Value));
    }

    [Fact]
    public async Task Router_AnswersInTheRequestsLanguage_AndLeavesTheCallersCultureAlone()
    {
        var router = new ChatRouter([], [], TestText.For<ChatText>());
        var before = System.Globalization.CultureInfo.CurrentUICulture;

        var chinese = await router.HandleAsync(new ChatRequest("u", "U", null, "dance", new Dictionary<string, string>()) { Locale = "zh-TW" }, CancellationToken.None);
        var english = await router.HandleAsync(new ChatRequest("u", "U", null, "dance", new Dictionary<string, string>()) { Locale = "fr" }, CancellationToken.None);

        Assert.Equal("沒有 /dance 這個指令；/help 會列出所有指令。", chinese.Text);
        Assert.Equal("Unknown command /dance; /help lists the commands.", english.Text);
        Assert.Equal(before, System.Globalization.CultureInfo.CurrentUICulture);
    }

    private static Dictionary<string, string> Read(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
