using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Tariffscope.Policy;

namespace Tariffscope.Engine.Replay;

/// <summary>
/// The Chapter 99 numbers a layer's heading text names: one ("9903.88.03"), several ("9903.88.69; 9903.88.70") or a
/// range ("9903.85.02–9903.85.08", "9903.01.43–.76"). Text in parentheses (the exemption headings of a measure) is
/// not the layer's own heading and is left out. Numbers are kept as their first 8 digits.
/// </summary>
public static partial class Headings
{
    [GeneratedRegex(@"\([^)]*\)")] private static partial Regex Parens();
    [GeneratedRegex(@"(\d{4})\.(\d{2})\.(\d{2})(?:\s*[–-]\s*(?:(\d{4})\.(\d{2})\.|\.)?(\d{2}))?")] private static partial Regex Number();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Lo, int Hi)[]> Cache = new();

    public static (int Lo, int Hi)[] Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (Cache.TryGetValue(text, out var hit)) return hit;
        var found = new List<(int, int)>();
        foreach (Match m in Number().Matches(Parens().Replace(text, "")))
        {
            int lo = int.Parse(m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value);
            int hi = lo;
            if (m.Groups[6].Success)
                hi = m.Groups[4].Success ? int.Parse(m.Groups[4].Value + m.Groups[5].Value + m.Groups[6].Value)
                                         : lo / 100 * 100 + int.Parse(m.Groups[6].Value);
            found.Add((lo, Math.Max(lo, hi)));
        }
        var r = found.ToArray();
        if (Cache.Count < 10_000) Cache[text] = r;
        return r;
    }

    /// <summary>The first 8 digits of a declared number ("9903.01.24" → 99030124), or -1 when it has fewer.</summary>
    public static int Key(string declared)
    {
        int v = 0, n = 0;
        foreach (var c in declared)
        {
            if (c is < '0' or > '9') continue;
            if (n == 8) break;
            v = v * 10 + (c - '0'); n++;
        }
        return n == 8 ? v : -1;
    }

    /// <summary>True for a Chapter 99 number (9901–9903), false for a Chapter 1–98 number (the line's own code).</summary>
    public static bool IsChapter99(string declared) => Key(declared) is var k and >= 0 && k / 1_000_000 == 99;

    public static bool Matches(string? layerHeading, string declared)
    {
        var k = Key(declared);
        if (k < 0) return false;
        foreach (var (lo, hi) in Parse(layerHeading)) if (k >= lo && k <= hi) return true;
        return false;
    }
}

/// <summary>
/// Which measure family reports under a Chapter 99 number, read from the policy (each measure's heading and its rate
/// periods' headings), so a declared number names its authority without any list of headings in code.
/// </summary>
public sealed class HeadingIndex
{
    private readonly (int Lo, int Hi, string Family)[] _ranges;
    private readonly FrozenDictionary<int, string> _exact;

    public HeadingIndex(PolicySet policy, string importer = "US")
    {
        var ranges = new List<(int, int, string)>();
        var exact = new Dictionary<int, string>();
        foreach (var m in policy.Measures)
        {
            if (m.Importer != importer) continue;
            var texts = m.Rates.Select(r => r.Heading).Append(m.Source.Heading).Concat(m.Claims.Select(c => c.Heading));
            foreach (var t in texts)
                foreach (var (lo, hi) in Headings.Parse(t))
                {
                    if (lo == hi) exact.TryAdd(lo, m.Family);
                    else ranges.Add((lo, hi, m.Family));
                }
        }
        _ranges = ranges.ToArray();
        _exact = exact.ToFrozenDictionary();
    }

    /// <summary>The family that reports under <paramref name="declared"/>, or null when no measure names it.</summary>
    public string? FamilyOf(string declared)
    {
        var k = Headings.Key(declared);
        if (k < 0) return null;
        if (_exact.TryGetValue(k, out var f)) return f;
        foreach (var (lo, hi, fam) in _ranges) if (k >= lo && k <= hi) return fam;
        return null;
    }
}
