namespace VocabBot.Content;

/// <summary>One study article as parsed from its Markdown file.</summary>
internal sealed record Article(
    string File,
    string Title,
    DateOnly? Date,
    string? Link,
    IReadOnlyDictionary<string, string> Tags,
    ArticleSummary? Summary,
    IReadOnlyList<VocabularyEntry> Words);

/// <summary>The learner's own summary and, when given, its corrected version.</summary>
internal sealed record ArticleSummary(string Original, string? Corrected);

/// <summary>One row of the vocabulary table, linked to where the article marks it.</summary>
internal sealed record VocabularyEntry(
    string Headword,
    string Ipa,
    string PartOfSpeech,
    IReadOnlyList<string> Chinese,
    string Example,
    string? MarkedAs,
    string? Context,
    int Line);

internal enum Severity { Warning, Error }

/// <summary>
/// A problem in a content file, with the 1-based line it is on. <paramref name="Text"/> is set when the problem is one
/// of the parser's (<see cref="ContentText"/>), so that a reply can say it in the reader's language.
/// </summary>
internal sealed record Diagnostic(string File, int Line, Severity Severity, string Message, DiagnosticText? Text = null)
{
    /// <summary>A problem the parser found, in English in <see cref="Message"/> and keyed for other languages.</summary>
    public static Diagnostic Of(string file, int line, Severity severity, string key, params object[] arguments) =>
        new(file, line, severity, ContentText.English(key, arguments), new DiagnosticText(key, arguments));

    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>A <see cref="ContentText"/> key and the arguments its text is filled with; equal when both are.</summary>
internal sealed record DiagnosticText(string Key, object[] Arguments)
{
    public bool Equals(DiagnosticText? other) =>
        other is not null && Key == other.Key && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
}

/// <summary>What parsing one file gives: the article, or null when an error kept it out; <paramref name="TimedOut"/> when the parse was given up.</summary>
internal sealed record ParseResult(Article? Article, IReadOnlyList<Diagnostic> Diagnostics, bool TimedOut = false);
