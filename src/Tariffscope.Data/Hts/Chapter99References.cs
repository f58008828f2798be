using System.Text.RegularExpressions;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>A Chapter 99 heading a note points to, or a range of them ("9904.04.50-9904.05.01").</summary>
public readonly record struct Chapter99Reference(HtsCode From, HtsCode? To)
{
    public bool IsRange => To is not null;
}

/// <summary>
/// Finds Chapter 99 headings in the notes of a line: "See 9903.88.15.", "See headings 9903.88.01 and 9903.88.02",
/// "See subheadings 9904.04.50-9904.05.01", "9903.52.00 through 9903.52.26". Other chapters (98's special
/// provisions) and notes without a heading number are not references.
/// </summary>
public static partial class Chapter99References
{
    [GeneratedRegex(@"(?<![\d.])(?<a>99\d{2}\.\d{2}\.\d{2}(?:\.\d{2})?)(?!\d)(?:\s*(?:-|–|—|through|to)\s*(?<b>99\d{2}\.\d{2}\.\d{2}(?:\.\d{2})?)(?!\d))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    /// <summary>Adds the references found in <paramref name="text"/> to <paramref name="into"/>.</summary>
    public static void Extract(string? text, List<Chapter99Reference> into)
    {
        // Cheap guard: nearly every note is "See 99…" or has no number at all.
        if (string.IsNullOrEmpty(text) || !text.Contains("99", StringComparison.Ordinal)) return;
        foreach (Match m in HeadingPattern().Matches(text))
        {
            var from = HtsCode.Parse(m.Groups["a"].Value);
            HtsCode? to = m.Groups["b"].Success ? HtsCode.Parse(m.Groups["b"].Value) : null;
            into.Add(new Chapter99Reference(from, to));
        }
    }

    public static IReadOnlyList<Chapter99Reference> Extract(string? text)
    {
        var list = new List<Chapter99Reference>();
        Extract(text, list);
        return list;
    }

    /// <summary>
    /// The headings a reference stands for. A range becomes the headings of <paramref name="known"/> (sorted digit
    /// strings of the file's own Chapter 99 lines) that lie within it; when the file holds none of them (a sample
    /// schedule without Chapter 99), only the two ends, so the reference is never silently lost.
    /// </summary>
    public static IEnumerable<HtsCode> Expand(Chapter99Reference reference, IReadOnlyList<string> known)
    {
        if (reference.To is not { } to)
        {
            yield return reference.From;
            yield break;
        }
        var lo = reference.From.Digits;
        var hi = to.Digits;
        if (string.CompareOrdinal(lo, hi) > 0) (lo, hi) = (hi, lo);
        int start = LowerBound(known, lo);
        bool any = false;
        for (int i = start; i < known.Count && string.CompareOrdinal(known[i], hi) <= 0; i++)
        {
            if (known[i].Length != lo.Length) continue; // same level only: 8-digit headings, not their suffixes
            any = true;
            yield return HtsCode.Parse(known[i]);
        }
        if (!any)
        {
            yield return reference.From;
            yield return to;
        }
    }

    private static int LowerBound(IReadOnlyList<string> sorted, string value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], value) < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
