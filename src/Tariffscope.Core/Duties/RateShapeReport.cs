using System.Collections.Immutable;

namespace Tariffscope.Duties;

/// <summary>
/// How well a set of rate texts reads: how many parse, by shape, and which texts do not (with how often each
/// occurs). Counts are of occurrences, so a text printed on 300 lines counts 300 times; empty texts are
/// counted apart and are neither parsed nor unparsed.
/// </summary>
public sealed record RateShapeReport(
    int Total,
    int Parsed,
    int Empty,
    ImmutableSortedDictionary<string, int> ByShape,
    ImmutableSortedDictionary<string, int> Unparsed)
{
    /// <summary>Parsed ÷ Total (1 when there is nothing to read).</summary>
    public decimal ParsedShare => Total == 0 ? 1m : (decimal)Parsed / Total;

    public int UnparsedCount => Total - Parsed;

    /// <summary>A report over general- or other-column texts: each non-empty text is one expression.</summary>
    public static RateShapeReport Build(IEnumerable<string?> texts) =>
        Tally(texts, t => DutyExpression.Parse(t) is { } e ? [e] : []);

    /// <summary>A report over special-column texts: each clause ("3.2% (KR)") counts once.</summary>
    public static RateShapeReport BuildSpecial(IEnumerable<string?> texts) =>
        Tally(texts, t => SpecialRates.Parse(t).Select(r => r.Rate));

    private static RateShapeReport Tally(IEnumerable<string?> texts, Func<string, IEnumerable<DutyExpression>> read)
    {
        int total = 0, parsed = 0, empty = 0;
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var unparsed = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new Dictionary<string, DutyExpression[]>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) { empty++; continue; }
            if (!seen.TryGetValue(text, out var expressions)) seen[text] = expressions = read(text).ToArray();
            if (expressions.Length == 0) { empty++; continue; }
            foreach (var e in expressions)
            {
                total++;
                shapes[e.Shape] = shapes.GetValueOrDefault(e.Shape) + 1;
                if (e.IsParsed) { parsed++; continue; }
                var key = e is UnparsedDuty u ? u.Text : e.ToString();
                unparsed[key] = unparsed.GetValueOrDefault(key) + 1;
            }
        }
        return new(total, parsed, empty, shapes.ToImmutableSortedDictionary(StringComparer.Ordinal),
            unparsed.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }
}
