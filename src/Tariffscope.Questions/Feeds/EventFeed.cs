using System.Security.Cryptography;
using System.Text;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Feeds;

/// <summary>What the feeds and webhooks say about one dated event: a stable id, and its Chapter 99 headings.</summary>
public static class EventFeed
{
    /// <summary>
    /// A stable id for an event: the same event in the same data gets the same id in every feed, request and
    /// process (calendar UIDs, Atom entry ids and webhook idempotency keys are all this id). A change to what
    /// the event does (a revised rate) is a new event.
    /// </summary>
    public static string Id(PolicyEvent e)
    {
        var key = string.Join('|', e.Kind, e.Importer, e.MeasureId, e.SuspensionId ?? "", e.Date.ToString("yyyy-MM-dd"), e.What);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
    }

    /// <summary>The Chapter 99 headings that report the measure (its rate periods' and its source's), in order.</summary>
    public static IReadOnlyList<string> Headings(PolicySet policy, PolicyEvent e)
    {
        var m = policy.Measures.FirstOrDefault(x => x.Id == e.MeasureId);
        var all = new List<string?> { e.Source.Heading };
        if (m is not null) { all.Add(m.Source.Heading); all.AddRange(m.Rates.Select(r => r.Heading)); }
        return all.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h!).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the event's measure can reach products under an HS/HTS prefix (digits, dots ignored): a
    /// product term on all goods, a prefix either side of it, or a list with such a prefix (a list defined by
    /// footnotes is taken to reach it, since its lines are only known with the schedule).</summary>
    public static bool Touches(PolicySet policy, PolicyEvent e, string hsPrefix)
    {
        var want = Digits(hsPrefix);
        if (want.Length == 0) return true;
        var m = policy.Measures.FirstOrDefault(x => x.Id == e.MeasureId);
        if (m is null) return false;
        bool Overlaps(string p) { var d = Digits(p); return d.StartsWith(want, StringComparison.Ordinal) || want.StartsWith(d, StringComparison.Ordinal); }
        foreach (var t in m.Products.Include)
        {
            if (t.IsAll) return true;
            if (t.Prefix is { } p && Overlaps(p)) return true;
            if (t.ListName is { } ln && policy.Lists.TryGetValue(ln, out var list)
                && (!list.FootnoteHeadings.IsDefaultOrEmpty || list.Prefixes.Any(Overlaps))) return true;
        }
        return false;
    }

    public static string Digits(string s) => new(s.Where(char.IsAsciiDigit).ToArray());

    /// <summary>One line a reader sees first: "US: Section 301 ... — the suspension ends".</summary>
    public static string Summary(PolicyEvent e) => $"{e.Importer}: {e.Title} — {KindPhrase(e.Kind)}";

    public static string KindPhrase(EventKind k) => k switch
    {
        EventKind.MeasureStarts => "starts",
        EventKind.RateChanges => "rate changes",
        EventKind.MeasureEnds => "ends",
        EventKind.SuspensionStarts => "suspension starts",
        EventKind.SuspensionEnds => "suspension ends",
        _ => "exclusion ends",
    };
}
