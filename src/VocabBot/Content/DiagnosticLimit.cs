namespace VocabBot.Content;

/// <summary>A diagnostic to show, or (with <see cref="Diagnostic"/> null) how many more a file has that are not shown.</summary>
internal readonly record struct ShownDiagnostic(Diagnostic? Diagnostic, string File, int More, Severity Severity)
{
    public override string ToString() => Diagnostic?.ToString() ??
        $"{File}: and {More} more problem(s) in this file; `check --json` lists them all";
}

/// <summary>
/// What a person is shown of a list of diagnostics: the first <see cref="PerFile"/> of each file, then one
/// line with how many more it has. A table of 100,000 bad rows wrote 99,999 warning lines on every import.
/// </summary>
internal static class DiagnosticLimit
{
    public const int PerFile = 20;

    public static IEnumerable<ShownDiagnostic> Shown(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var totals = new Dictionary<string, (int Count, Severity Worst)>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var (count, worst) = totals.GetValueOrDefault(diagnostic.File);
            var hidden = count >= PerFile && diagnostic.Severity > worst;
            totals[diagnostic.File] = (count + 1, hidden ? diagnostic.Severity : worst);
        }

        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var count = shown.GetValueOrDefault(diagnostic.File);
            if (count >= PerFile)
                continue;
            shown[diagnostic.File] = ++count;
            yield return new ShownDiagnostic(diagnostic, diagnostic.File, 0, diagnostic.Severity);
            var (total, worst) = totals[diagnostic.File];
            if (count == PerFile && total > PerFile)
                yield return new ShownDiagnostic(null, diagnostic.File, total - PerFile, worst);
        }
    }
}
