namespace VocabBot.Content;

/// <summary>
/// Links each vocabulary row to the mark it stands for in the text (the first mark equal to it, else the
/// first that is an inflection of it) and warns about rows and marks left alone. Rows and marks are found
/// through an index of their words' base forms, so the work grows with their number, not its square:
/// comparing every row with every mark took 55 s for 20,000 marked rows.
/// </summary>
internal static class MarkLinker
{
    public static List<VocabularyEntry> Link(string file, IReadOnlyList<TableEntry> rows, IReadOnlyList<MarkedTerm> marks, List<Diagnostic> diagnostics)
    {
        // Marks that read the same are one term, and a row links to the first of them.
        var firstMark = new Dictionary<string, int>(StringComparer.Ordinal);
        var markTerms = new TermIndex();
        for (var m = 0; m < marks.Count; m++)
        {
            var key = Inflections.Key(marks[m].Text);
            if (firstMark.TryAdd(key, m))
                markTerms.Add(new Inflections.Term(marks[m].Text), m);
        }

        var rowTerms = new TermIndex();
        var words = new List<VocabularyEntry>(rows.Count);
        foreach (var row in rows)
        {
            var term = new Inflections.Term(row.Headword);
            rowTerms.Add(term, words.Count);
            // An exact mark wins over an inflected one that comes earlier in the text.
            var index = firstMark.TryGetValue(term.Key, out var exact) ? exact : markTerms.Matching(term).DefaultIfEmpty(-1).Min();
            var mark = index < 0 ? null : marks[index];
            if (mark is null)
                diagnostics.Add(Diagnostic.Of(file, row.Line, Severity.Warning, "NotMarked", row.Headword));
            words.Add(new VocabularyEntry(row.Headword, row.Ipa, row.PartOfSpeech, row.Chinese, row.Example, mark?.Text, mark?.Sentence, row.Line));
        }

        var matched = new Dictionary<int, bool>();
        foreach (var mark in marks)
        {
            var first = firstMark[Inflections.Key(mark.Text)];
            if (!matched.TryGetValue(first, out var isMatched))
                matched[first] = isMatched = rowTerms.Matching(markTerms.Term(first)).Any();
            if (!isMatched)
                diagnostics.Add(Diagnostic.Of(file, mark.Line, Severity.Warning, "NoRow", mark.Text));
        }

        return words;
    }

    /// <summary>
    /// Terms by the base forms of their words. Two terms match only when they have as many words and each
    /// pair of words shares a form, so the terms sharing a form at the word where the fewest do are the
    /// only ones worth comparing.
    /// </summary>
    private sealed class TermIndex
    {
        private readonly Dictionary<(int Length, int Position, string Form), List<int>> _byForm = [];
        private readonly Dictionary<int, Inflections.Term> _terms = [];

        public void Add(Inflections.Term term, int id)
        {
            _terms[id] = term;
            for (var position = 0; position < term.Length; position++)
            {
                foreach (var form in term.FormsAt(position))
                {
                    var key = (term.Length, position, form);
                    if (!_byForm.TryGetValue(key, out var ids))
                        _byForm[key] = ids = [];
                    if (ids.Count == 0 || ids[^1] != id)
                        ids.Add(id);
                }
            }
        }

        public Inflections.Term Term(int id) => _terms[id];

        /// <summary>The ids of the added terms that <paramref name="term"/> matches.</summary>
        public IEnumerable<int> Matching(Inflections.Term term)
        {
            if (term.Length == 0)
                return [];
            var candidates = Enumerable.Range(0, term.Length)
                .Select(position => term.FormsAt(position).Select(form => _byForm.GetValueOrDefault((term.Length, position, form))).OfType<List<int>>().ToList())
                .MinBy(lists => lists.Sum(ids => ids.Count))!;
            return candidates.SelectMany(ids => ids).Distinct().Where(id => _terms[id].Matches(term));
        }
    }
}
