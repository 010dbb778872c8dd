using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace VocabBot.Content;

/// <summary>One usable row of the vocabulary table, with its 1-based line.</summary>
internal sealed record TableEntry(string Headword, string Ipa, string PartOfSpeech, IReadOnlyList<string> Chinese, string Example, int Line);

/// <summary>Finds the vocabulary table by its headers and reads its rows, warning about the ones it cannot use.</summary>
internal static class VocabularyTable
{
    private enum Column { Word, Ipa, Pos, Chinese, Example }

    private static readonly Dictionary<string, Column> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["單字"] = Column.Word,
        ["单字"] = Column.Word,
        ["word"] = Column.Word,
        ["音標"] = Column.Ipa,
        ["音标"] = Column.Ipa,
        ["ipa"] = Column.Ipa,
        ["詞性"] = Column.Pos,
        ["词性"] = Column.Pos,
        ["pos"] = Column.Pos,
        ["中文"] = Column.Chinese,
        ["chinese"] = Column.Chinese,
        ["例句"] = Column.Example,
        ["example"] = Column.Example,
    };

    private const string Expected = "單字 | 音標 | 詞性 | 中文 | 例句 (or Word | IPA | POS | Chinese | Example)";

    /// <summary>The rows of the article's vocabulary table, or null (with an error) when it has none.</summary>
    public static List<TableEntry>? Find(MarkdownDocument document, string source, string file, List<Diagnostic> diagnostics)
    {
        Table? nearMiss = null;
        foreach (var table in document.Descendants<Table>())
        {
            if (table.FirstOrDefault() is not TableRow { IsHeader: true } header)
                continue;
            var names = header.Cast<TableCell>().Select(CellText).ToList();
            var columns = names.Select(n => Headers.TryGetValue(n, out var c) ? c : (Column?)null).ToList();
            if (!columns.Contains(Column.Word))
            {
                nearMiss ??= table;
                continue;
            }

            var missing = Enum.GetValues<Column>().Where(c => !columns.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(Diagnostic.Of(file, table.Line + 1, Severity.Error, missing.Count == 1 ? "MissingColumn" : "MissingColumns",
                    string.Join(", ", missing), Expected));
                return null;
            }

            var lines = source.Split('\n');
            return ReadRows(table, columns, CountCells(lines[header.Line]), lines, file, diagnostics);
        }

        var line = nearMiss is null ? 1 : nearMiss.Line + 1;
        diagnostics.Add(Diagnostic.Of(file, line, Severity.Error, "NoTable", Expected));
        return null;
    }

    private static List<TableEntry> ReadRows(Table table, List<Column?> columns, int headerCells, string[] lines, string file, List<Diagnostic> diagnostics)
    {
        var entries = new List<TableEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Cast<TableRow>().Where(r => !r.IsHeader))
        {
            var line = row.Line + 1;
            var cellCount = CountCells(lines[row.Line]);
            if (cellCount != headerCells)
            {
                diagnostics.Add(Diagnostic.Of(file, line, Severity.Warning, "RowCells", cellCount, headerCells));
                continue;
            }

            var cells = new Dictionary<Column, string>();
            var i = 0;
            foreach (var cell in row.Cast<TableCell>())
            {
                if (i < columns.Count && columns[i] is { } column)
                    cells[column] = CellText(cell);
                i++;
            }

            var headword = cells.GetValueOrDefault(Column.Word, "");
            if (headword.Length == 0)
            {
                diagnostics.Add(Diagnostic.Of(file, line, Severity.Warning, "EmptyWord"));
                continue;
            }

            var key = Inflections.Key(headword);
            if (seen.TryGetValue(key, out var firstLine))
            {
                diagnostics.Add(Diagnostic.Of(file, line, Severity.Warning, "DuplicateRow", headword, firstLine));
                continue;
            }

            seen[key] = line;
            var chinese = cells.GetValueOrDefault(Column.Chinese, "")
                .Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            entries.Add(new TableEntry(headword, cells.GetValueOrDefault(Column.Ipa, ""), cells.GetValueOrDefault(Column.Pos, ""),
                chinese, cells.GetValueOrDefault(Column.Example, ""), line));
        }

        return entries;
    }

    private static string CellText(TableCell cell) =>
        string.Join(' ', cell.Descendants<ParagraphBlock>().Select(p => MarkedTerms.PlainText(p.Inline)));

    // Counts the cells as written on a line, since Markdig widens or pads a table to fit its rows.
    private static int CountCells(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        var cells = 1;
        var inCode = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
                i++;
            else if (c == '`')
                inCode = !inCode;
            else if (c == '|' && !inCode && i != 0 && i != line.Length - 1)
                cells++;
        }

        return cells;
    }
}
