using System.Diagnostics.CodeAnalysis;

namespace VocabBot.Chat;

/// <summary>
/// The id a button carries: the kind of button (which feature answers it) and its arguments,
/// written "kind:arg1:arg2". The one place that formats and parses them; a button's feature
/// registers an <see cref="IChatButton"/> for its kind.
/// </summary>
internal sealed record ButtonId
{
    public const char Separator = ':';

    /// <summary>Discord caps a custom_id at 100 characters.</summary>
    public const int MaxLength = 100;

    public ButtonId(string kind, params IReadOnlyList<string> args)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(args);
        if (kind.Contains(Separator) || args.Any(a => a.Contains(Separator)))
            throw new ArgumentException($"A button id's parts cannot contain '{Separator}'.", nameof(args));
        Kind = kind;
        Args = [.. args];
        if (ToString().Length > MaxLength)
            throw new ArgumentException($"A button id is at most {MaxLength} characters.", nameof(args));
    }

    public string Kind { get; }

    public IReadOnlyList<string> Args { get; }

    /// <summary>The argument at <paramref name="index"/>, or "" when the id has fewer.</summary>
    public string Arg(int index) => index < Args.Count ? Args[index] : "";

    public override string ToString() => Args.Count == 0 ? Kind : Kind + Separator + string.Join(Separator, Args);

    public bool Equals(ButtonId? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Reads an id as a button carried it back; false for anything this bot could not have sent.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ButtonId? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
            return false;
        var parts = text.Split(Separator);
        if (parts[0].Length == 0)
            return false;
        id = new ButtonId(parts[0], parts[1..]);
        return true;
    }
}
