namespace VocabBot.Tests.Learning.Summary;

/// <summary>Study notes with a summary, written into a test's own content folder beside a copy of the seed note.</summary>
internal static class SummaryNotes
{
    private const string Words = """
        | Word | IPA | POS | Chinese | Example |
        |------|-----|-----|---------|---------|
        | storm | /stɔːrm/ | n. | 暴風雨 | The storm closed the schools. |
        | flood | /flʌd/ | n. | 洪水 | The flood reached the station. |
        | shelter | /ˈʃeltər/ | n. | 避難所 | They found a shelter. |
        | warning | /ˈwɔːrnɪŋ/ | n. | 警告 | The warning came late. |
        """;

    /// <summary>A content folder holding the seed note.</summary>
    public static TempContent WithSeed()
    {
        var content = new TempContent();
        File.Copy(Path.Combine(TestFiles.Articles, "seed.md"), Path.Combine(content.Directory, "000_openai_amazon.md"));
        return content;
    }

    /// <summary>Writes a note whose :::summary block holds <paramref name="summary"/> and, when given, its correction.</summary>
    public static TempContent Note(this TempContent content, string file, string title, string date, string summary, string? corrected = null)
    {
        var correction = corrected is null ? "" : $"\n修正：\n{corrected}";
        File.WriteAllText(Path.Combine(content.Directory, file), $"""
            ---
            title: {title}
            date: {date}
            ---

            The `storm` brought a `flood`; people looked for `shelter` after the `warning`.

            :::summary
            {summary}{correction}
            :::

            {Words}
            """);
        return content;
    }
}
