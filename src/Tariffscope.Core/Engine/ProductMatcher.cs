using System.Collections.Frozen;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

/// <summary>
/// A product list compiled for lookups: a code matches when one of the prefixes in force on the date is in the set
/// or when its line's footnotes point to one of the list's Chapter 99 headings.
/// </summary>
internal sealed class CompiledList
{
    private readonly PrefixSet _always;
    private readonly (Validity When, PrefixSet Codes)[] _versions;
    private readonly FrozenSet<string> _headings;

    public ProductList List { get; }

    public CompiledList(ProductList list)
    {
        List = list;
        _always = new PrefixSet(list.Prefixes);
        _versions = list.Versions.Select(v => (v.When, new PrefixSet(v.Prefixes))).ToArray();
        _headings = list.FootnoteHeadings.Select(h => h.Digits).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the list holds the code, or a code under it (a statistical line of an 8-digit line quoted), on the date.</summary>
    public bool ContainsOrUnder(HtsCode code, ResolvedLine? line, DateOnly date) =>
        Contains(code, line, date) || CodesOn(date).HasUnder(code.Digits);

    /// <summary>The list's notes on the code, on its prefixes and on the codes under it, in code order.</summary>
    public IReadOnlyList<string> NotesFor(HtsCode code)
    {
        if (List.Notes.IsEmpty) return [];
        var d = code.Digits;
        return List.Notes.Where(kv => d.StartsWith(kv.Key, StringComparison.Ordinal) || kv.Key.StartsWith(d, StringComparison.Ordinal))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value).ToList();
    }

    public bool Contains(HtsCode code, ResolvedLine? line, DateOnly date)
    {
        if (CodesOn(date).Contains(code)) return true;
        if (_headings.Count > 0 && line is not null)
            foreach (var r in line.Chapter99Refs)
                if (_headings.Contains(r.Digits)) return true;
        return false;
    }

    private PrefixSet CodesOn(DateOnly date)
    {
        if (_versions.Length == 0) return _always;
        foreach (var (when, codes) in _versions) if (when.Contains(date)) return codes;
        return PrefixSet.Empty;
    }

    /// <summary>Code prefixes, looked up without allocating: at most nine hash lookups per code.</summary>
    private sealed class PrefixSet
    {
        public static readonly PrefixSet Empty = new([]);
        private readonly FrozenSet<string> _prefixes;
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly int _minLength, _maxLength;

        public PrefixSet(IEnumerable<string> prefixes)
        {
            _prefixes = prefixes.ToFrozenSet(StringComparer.Ordinal);
            _lookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
            _minLength = _prefixes.Count == 0 ? 0 : _prefixes.Min(p => p.Length);
            _maxLength = _prefixes.Count == 0 ? 0 : _prefixes.Max(p => p.Length);
        }

        /// <summary>Whether a listed code lies under <paramref name="digits"/> (the list names a narrower line).</summary>
        public bool HasUnder(string digits)
        {
            if (digits.Length >= _maxLength) return false;
            foreach (var p in _prefixes) if (p.Length > digits.Length && p.StartsWith(digits, StringComparison.Ordinal)) return true;
            return false;
        }

        public bool Contains(HtsCode code)
        {
            if (_prefixes.Count == 0) return false;
            var d = code.Digits.AsSpan();
            var max = Math.Min(_maxLength, d.Length);
            for (int n = _minLength; n <= max; n++)
                if (_lookup.Contains(d[..n])) return true;
            return false;
        }
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
        if (t.List is not null) return t.List.Contains(code, line, date);
        return t.Term.IsAll || code.Digits.StartsWith(t.Term.Prefix!, StringComparison.Ordinal);
    }

    /// <summary>Whether a term takes the code in; a term that needs an end use counts only when it is declared.</summary>
    public bool Includes(HtsCode code, ResolvedLine? line, DateOnly date, System.Collections.Immutable.ImmutableArray<string> uses = default)
    {
        foreach (var t in _include)
            if ((t.Term.Use is null || !uses.IsDefaultOrEmpty && uses.Contains(t.Term.Use)) && Matches(t, code, line, date)) return true;
        return false;
    }

    /// <summary>The term that would take the code in if its end use were declared, or null.</summary>
    public ProductTerm? NeedsUse(HtsCode code, ResolvedLine? line, DateOnly date)
    {
        foreach (var t in _include) if (t.Term.Use is not null && Matches(t, code, line, date)) return t.Term;
        return null;
    }

    /// <summary>The sample lists (hand-picked parts of official lists) whose terms are in force on the date: an answer
    /// that weighs this scope rests on them, whether the code is in them or not.</summary>
    public IEnumerable<ProductList> SamplesOn(DateOnly date)
    {
        foreach (var (term, list) in _include.Concat(_exclude.Select(e => (e.Term, e.List))))
            if (list is { List.IsSample: true } && (term.When is not { } w || w.Contains(date))) yield return list.List;
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
