namespace VocabBot.Content;

/// <summary>
/// Finds the dictionary forms an English word may come from ("loosened" -> "loosen",
/// "getting" -> "get", "took" -> "take"). It over-generates on purpose: callers only
/// accept a candidate that is a headword they know, so "paved" may yield "pav" harmlessly.
/// </summary>
internal static class Inflections
{
    private static readonly Dictionary<string, string> Irregular = BuildIrregular();
    private static readonly string[] Prefixes = ["under", "over", "with", "mis", "out", "up", "re", "fore", "be"];

    /// <summary>Lower-cased word tokens of a term; hyphenated words stay one token.</summary>
    public static string[] Tokens(string term) =>
        term.ToLowerInvariant()
            .Replace('’', '\'')
            .Split([' ', '\t', '\n', '\r', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('.', ',', ';', ':', '!', '?', '"', '“', '”', '(', ')', '[', ']'))
            .Select(t => t.EndsWith("'s", StringComparison.Ordinal) ? t[..^2] : t)
            .Where(t => t.Length > 0)
            .ToArray();

    /// <summary>The term itself, lower-cased and trimmed, as a key.</summary>
    public static string Key(string term) => string.Join(' ', Tokens(term));

    /// <summary>The word itself and every base form it may be an inflection of.</summary>
    public static IEnumerable<string> BaseForms(string word)
    {
        var w = word.ToLowerInvariant();
        yield return w;
        if (Irregular.TryGetValue(w, out var irregular))
            yield return irregular;
        foreach (var prefix in Prefixes)
        {
            if (w.Length > prefix.Length + 2 && w.StartsWith(prefix, StringComparison.Ordinal)
                && Irregular.TryGetValue(w[prefix.Length..], out var rest))
                yield return prefix + rest;
        }

        foreach (var form in RegularBaseForms(w))
        {
            if (form.Length >= 2)
                yield return form;
        }
    }

    /// <summary>Whether a word is the base of an irregular form the table knows (take: took, taken).</summary>
    public static bool IsIrregularBase(string word) => IrregularBases.Contains(word);

    private static readonly HashSet<string> IrregularBases = [.. Irregular.Values];

    /// <summary>Whether a marked term (as the learner marked it) is an inflection of a headword.</summary>
    public static bool Matches(string headword, string marked) => new Term(headword).Matches(new Term(marked));

    /// <summary>A term's tokens with their base forms worked out once, for matching many terms against many.</summary>
    public sealed class Term
    {
        private readonly string[] _tokens;
        private readonly HashSet<string>[] _forms;

        public Term(string text)
        {
            _tokens = Tokens(text);
            _forms = _tokens.Select(t => BaseForms(t).ToHashSet(StringComparer.Ordinal)).ToArray();
            Key = string.Join(' ', _tokens);
        }

        public string Key { get; }

        /// <summary>How many words the term has.</summary>
        public int Length => _tokens.Length;

        /// <summary>The word at <paramref name="index"/> and every base form it may be an inflection of.</summary>
        public IReadOnlySet<string> FormsAt(int index) => _forms[index];

        /// <summary>Whether the two terms are the same word for word, each token equal or an inflection of the other.</summary>
        public bool Matches(Term other)
        {
            ArgumentNullException.ThrowIfNull(other);
            if (_tokens.Length != other._tokens.Length || _tokens.Length == 0)
                return false;
            for (var i = 0; i < _tokens.Length; i++)
            {
                if (!_forms[i].Contains(other._tokens[i]) && !other._forms[i].Contains(_tokens[i]))
                    return false;
            }

            return true;
        }
    }

    /// <summary>Every key a looked-up term could be stored under: each token replaced by its base forms.</summary>
    public static IReadOnlyList<string> CandidateKeys(string term, int limit = 64)
    {
        var tokens = Tokens(term);
        if (tokens.Length == 0)
            return [];
        IEnumerable<string> keys = [""];
        foreach (var token in tokens)
        {
            var forms = BaseForms(token).Distinct().ToArray();
            keys = keys.SelectMany(prefix => forms.Select(f => prefix.Length == 0 ? f : prefix + " " + f));
        }

        return keys.Distinct().Take(limit).ToList();
    }

    private static IEnumerable<string> RegularBaseForms(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
            yield return w[..^3] + "y";
        if (w.EndsWith("es", StringComparison.Ordinal))
            yield return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
            yield return w[..^1];
        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            foreach (var stem in Stems(w[..^2]))
                yield return stem;
        }
        else if (w.EndsWith('d'))
        {
            yield return w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            foreach (var stem in Stems(w[..^3]))
                yield return stem;
        }
    }

    // "stopp" -> stop, "pav" -> pave, "loosen" -> loosen.
    private static IEnumerable<string> Stems(string stem)
    {
        if (stem.Length < 2)
            yield break;
        yield return stem;
        yield return stem + "e";
        if (stem.Length >= 3 && stem[^1] == stem[^2] && !"aeiou".Contains(stem[^1]))
            yield return stem[..^1];
        if (stem.EndsWith('i'))
            yield return stem[..^1] + "y";
    }

    private static Dictionary<string, string> BuildIrregular()
    {
        // base: past, participle, other forms
        string[] table =
        [
            "be: was were been is are am being", "have: had has having", "do: did done does",
            "go: went gone goes", "get: got gotten", "take: took taken", "make: made", "give: gave given",
            "come: came", "see: saw seen", "know: knew known", "think: thought", "bring: brought",
            "buy: bought", "catch: caught", "teach: taught", "fight: fought", "seek: sought",
            "find: found", "tell: told", "say: said says", "pay: paid", "lay: laid", "lead: led",
            "mean: meant", "send: sent", "spend: spent", "build: built", "lend: lent", "bend: bent",
            "lose: lost", "stand: stood", "hold: held", "keep: kept", "sleep: slept", "feel: felt",
            "leave: left", "deal: dealt", "meet: met", "sell: sold", "win: won", "run: ran",
            "begin: began begun", "write: wrote written", "speak: spoke spoken", "break: broke broken",
            "choose: chose chosen", "fall: fell fallen", "draw: drew drawn", "grow: grew grown",
            "throw: threw thrown", "fly: flew flown", "rise: rose risen", "drive: drove driven",
            "ride: rode ridden", "eat: ate eaten", "forget: forgot forgotten", "forgive: forgave forgiven",
            "shake: shook shaken", "strike: struck stricken", "bear: bore borne born", "swear: swore sworn",
            "tear: tore torn", "wear: wore worn", "steal: stole stolen", "freeze: froze frozen",
            "hide: hid hidden", "bite: bit bitten", "sink: sank sunk", "sing: sang sung", "drink: drank drunk",
            "swim: swam swum", "ring: rang rung", "shrink: shrank shrunk", "spring: sprang sprung",
            "hang: hung", "dig: dug", "stick: stuck", "swing: swung", "sweep: swept", "weep: wept",
            "creep: crept", "flee: fled", "feed: fed", "breed: bred", "bleed: bled", "speed: sped",
            "shoot: shot", "light: lit", "slide: slid", "sit: sat", "spin: spun", "hear: heard",
            "understand: understood", "wake: woke woken", "undertake: undertook undertaken",
            "withdraw: withdrew withdrawn", "oversee: oversaw overseen", "arise: arose arisen",
            "man: men", "woman: women", "child: children", "person: people", "foot: feet",
            "tooth: teeth", "mouse: mice", "goose: geese", "crisis: crises", "analysis: analyses",
            "phenomenon: phenomena", "criterion: criteria", "medium: media", "datum: data",
        ];
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in table)
        {
            var parts = line.Split(':');
            foreach (var form in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                map.TryAdd(form, parts[0]);
        }

        return map;
    }
}
