namespace Tariffscope.Nomenclature;

/// <summary>A line found by <see cref="ScheduleSearch"/>, with its score (higher is better).</summary>
public sealed record SearchHit(TariffLine Line, double Score);

/// <summary>
/// Finds lines by the words of their description path (the line's own text, its group headings and its
/// ancestors'). Every word asked for must occur; a whole word scores above a word it merely begins, a word in the
/// line's own text above one inherited from a parent, and among equals the deeper, more specific line comes first.
/// A query that is a code ("8471.30") lists the lines under it.
/// </summary>
public static class ScheduleSearch
{
    private const double OwnExact = 3, PathExact = 2, OwnPrefix = 1.5, PathPrefix = 1;

    private static readonly HashSet<string> StopWords =
        new(["a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "is", "not", "of", "on", "or", "other", "the", "than", "to", "with"], StringComparer.Ordinal);

    public static IReadOnlyList<SearchHit> Search(ScheduleRevision revision, string query, int limit = 20)
    {
        if (limit <= 0) return [];
        if (HtsCode.TryParse(query) is { } prefix && query.Any(char.IsAsciiDigit) && !query.Any(char.IsLetter))
            return revision.Lines.Where(l => l.Code.StartsWith(prefix)).Take(limit).Select(l => new SearchHit(l, 0)).ToList();

        var words = Words(query).ToList();
        var wanted = words.Where(w => !StopWords.Contains(w)).Distinct().ToList();
        if (wanted.Count == 0) wanted = words.Distinct().ToList();
        if (wanted.Count == 0) return [];

        var ownWords = new Dictionary<TariffLine, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var hits = new List<SearchHit>();
        foreach (var line in revision.Lines)
        {
            var own = OwnWords(line, ownWords);
            double score = 0;
            foreach (var w in wanted)
            {
                double best = Match(own, w, OwnExact, OwnPrefix);
                for (var p = line.Parent; p is not null && best < PathExact; p = p.Parent)
                    best = Math.Max(best, Match(OwnWords(p, ownWords), w, PathExact, PathPrefix));
                if (best == 0) { score = 0; break; }
                score += best;
            }
            if (score > 0) hits.Add(new SearchHit(line, score + line.Indent * 0.01));
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Line.Code).Take(limit).ToList();
    }

    private static double Match(HashSet<string> words, string w, double exact, double prefix)
    {
        if (words.Contains(w)) return exact;
        // a plural asked for finds the singular written ("horses" → "horse"), and the other way round,
        // a little below the word as asked
        if (w.Length > 3 && w.EndsWith('s') && words.Contains(w[..^1])) return exact - 0.25;
        if (words.Contains(w + "s")) return exact - 0.25;
        foreach (var x in words) if (x.Length > w.Length && x.StartsWith(w, StringComparison.Ordinal)) return prefix;
        return 0;
    }

    /// <summary>The words of the line's own description and of the group headings just above it.</summary>
    private static HashSet<string> OwnWords(TariffLine line, Dictionary<TariffLine, HashSet<string>> cache)
    {
        if (cache.TryGetValue(line, out var set)) return set;
        set = new HashSet<string>(Words(line.Description), StringComparer.Ordinal);
        foreach (var g in line.GroupHeadings) set.UnionWith(Words(g));
        cache[line] = set;
        return set;
    }

    private static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
