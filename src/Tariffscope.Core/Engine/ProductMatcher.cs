using System.Collections.Frozen;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

/// <summary>
/// A product list compiled for lookups: a code matches when one of its prefixes is in the set (at most nine
/// hash lookups, no allocation) or when its line's footnotes point to one of the list's Chapter 99 headings.
/// </summary>
internal sealed class CompiledList
{
    private readonly FrozenSet<string> _prefixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenSet<string> _headings;
    private readonly int _minLength, _maxLength;

    public ProductList List { get; }

    public CompiledList(ProductList list)
    {
        List = list;
        _prefixes = list.Prefixes.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _headings = list.FootnoteHeadings.Select(h => h.Digits).ToFrozenSet(StringComparer.Ordinal);
        _minLength = _prefixes.Count == 0 ? 0 : _prefixes.Min(p => p.Length);
        _maxLength = _prefixes.Count == 0 ? 0 : _prefixes.Max(p => p.Length);
    }

    /// <summary>Whether the list holds the code or a code under it (a statistical line of an 8-digit line quoted).</summary>
    public bool ContainsOrUnder(HtsCode code, ResolvedLine? line)
    {
        if (Contains(code, line)) return true;
        var d = code.Digits;
        if (d.Length >= _maxLength) return false;
        foreach (var p in _prefixes) if (p.Length > d.Length && p.StartsWith(d, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The list's notes on the code, on its prefixes and on the codes under it, in code order.</summary>
    public IReadOnlyList<string> NotesFor(HtsCode code)
    {
        if (List.Notes.IsEmpty) return [];
        var d = code.Digits;
        return List.Notes.Where(kv => d.StartsWith(kv.Key, StringComparison.Ordinal) || kv.Key.StartsWith(d, StringComparison.Ordinal))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
    }

    public bool Contains(HtsCode code, ResolvedLine? line)
    {
        if (_prefixes.Count > 0)
        {
            var d = code.Digits.AsSpan();
            var max = Math.Min(_maxLength, d.Length);
            for (int n = _minLength; n <= max; n++)
                if (_lookup.Contains(d[..n])) return true;
        }
        if (_headings.Count > 0 && line is not null)
            foreach (var r in line.Chapter99Refs)
                if (_headings.Contains(r.Digits)) return true;
        return false;
    }
}

/// <summary>A product scope compiled against the policy's lists.</summary>
internal sealed class CompiledScope
{
    private readonly (ProductTerm Term, CompiledList? List)[] _include;
    private readonly (ProductTerm Term, CompiledList? List, FrozenSet<string>? Origins)[] _exclude;

    public CompiledScope(ProductScope scope, IReadOnlyDictionary<string, CompiledList> lists, string owner,
        Func<IEnumerable<string>, IEnumerable<string>>? expandOrigins = null)
    {
        _include = scope.Include.Select(t => (t, Resolve(t, lists, owner))).ToArray();
        _exclude = scope.Exclude.Select(t => (t, Resolve(t, lists, owner),
            t.Origins.IsDefaultOrEmpty ? null : (expandOrigins is null ? t.Origins : expandOrigins(t.Origins)).ToFrozenSet())).ToArray();
    }

    private static CompiledList? Resolve(ProductTerm t, IReadOnlyDictionary<string, CompiledList> lists, string owner)
    {
        if (t.ListName is null) return null;
        return lists.TryGetValue(t.ListName, out var l) ? l
            : throw new InvalidOperationException($"{owner} refers to product list '{t.ListName}', which is not loaded");
    }

    private static bool Matches((ProductTerm Term, CompiledList? List) t, HtsCode code, ResolvedLine? line, DateOnly date)
    {
        if (t.Term.When is { } w && !w.Contains(date)) return false;
        if (t.List is not null) return t.List.Contains(code, line);
        return t.Term.IsAll || code.Digits.StartsWith(t.Term.Prefix!, StringComparison.Ordinal);
    }

    public bool Includes(HtsCode code, ResolvedLine? line, DateOnly date)
    {
        foreach (var t in _include) if (Matches(t, code, line, date)) return true;
        return false;
    }

    /// <summary>The exclusion term that takes the line out, or null; a term for some origins only needs
    /// <paramref name="origin"/> among them.</summary>
    public ProductTerm? ExcludedBy(HtsCode code, ResolvedLine? line, DateOnly date, string? origin = null)
    {
        foreach (var t in _exclude)
            if ((t.Origins is null || origin is not null && t.Origins.Contains(origin)) && Matches((t.Term, t.List), code, line, date)) return t.Term;
        return null;
    }
}
