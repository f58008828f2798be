namespace Tariffscope.Controls;

/// <summary>A list of named parties (China's Export Control Control List, its Unreliable Entity List, the US Entity List).</summary>
public sealed record PartyList(string Id, string Exporter, string Title, Provenance Source, IReadOnlyList<PartyEntry> Entries);

/// <summary>One listed party with its own dates: listed on the days of <see cref="When"/> (both ends included).</summary>
public sealed record PartyEntry(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string? Country,
    Validity When,
    Provenance Source)
{
    public bool ListedOn(DateOnly date) => When.Contains(date);
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}

public enum NameMatch { None, Possible, Exact }

/// <summary>
/// Compares party names after folding case, punctuation and common legal suffixes. Equal → exact match;
/// one name's words all found in the other → possible match, which the screener turns into "needs review".
/// </summary>
public static class PartyNames
{
    private static readonly HashSet<string> Suffixes =
        ["inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "lp", "plc", "group", "the", "sa", "ag", "gmbh"];

    public static IReadOnlyList<string> Words(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Suffixes.Contains(w)).ToList();
    }

    public static NameMatch Compare(string query, string listed) => Compare(Words(query), Words(listed));

    public static NameMatch Compare(IReadOnlyList<string> q, IReadOnlyList<string> l)
    {
        if (q.Count == 0 || l.Count == 0) return NameMatch.None;
        if (q.SequenceEqual(l)) return NameMatch.Exact;
        var (shorter, longer) = q.Count <= l.Count ? (q, l) : (l, q);
        return shorter.All(longer.Contains) ? NameMatch.Possible : NameMatch.None;
    }
}
