using System.Text;

namespace Tariffscope.Duties;

/// <summary>Tidying of rate texts as the schedule exports them, before they are read.</summary>
internal static class DutyText
{
    /// <summary>
    /// Drops markup the later exports carry ("m&lt;sup&gt;2&lt;/sup&gt;", "10% &lt;u&gt;&lt;/u&gt;"), reads ² and ³ as
    /// digits, collapses white space (line breaks included), trims, and drops a trailing footnote marker
    /// ("Free 1/") or a stray slash ("37% /").
    /// </summary>
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<' && TagLength(text, i) is var tag and > 0) { i += tag - 1; continue; }
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            sb.Append(c switch { '²' => '2', '³' => '3', _ => c });
        }
        while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        DropTrailingMarker(sb);
        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        if (text.Length == 0) return true;
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text[^1] == '/') return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '<' or '²' or '³') return false;
            if (char.IsWhiteSpace(c) && (c != ' ' || text[i + 1] == ' ')) return false;
        }
        return true;
    }

    /// <summary>Length of an HTML tag such as "&lt;sup&gt;" or "&lt;/il&gt;" starting at <paramref name="at"/>, or 0.</summary>
    private static int TagLength(string s, int at)
    {
        var i = at + 1;
        if (i < s.Length && s[i] == '/') i++;
        var nameStart = i;
        while (i < s.Length && i - nameStart < 10 && char.IsAsciiLetter(s[i])) i++;
        return i > nameStart && i < s.Length && s[i] == '>' ? i - at + 1 : 0;
    }

    private static void DropTrailingMarker(StringBuilder sb)
    {
        if (sb.Length < 2 || sb[^1] != '/') return;
        var i = sb.Length - 2;
        while (i >= 0 && char.IsAsciiDigit(sb[i])) i--;
        if (i >= 0 && sb[i] == ' ')
        {
            sb.Length = i;
            while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        }
    }

    /// <summary>
    /// The name of a part a rate is charged on, as the key of <see cref="DutyBasis.PartValues"/>: "the value of
    /// the lead content" → "lead content", "the case" → "case".
    /// </summary>
    public static string PartKey(string phrase)
    {
        var p = DutyUnits.Normalize(phrase).TrimEnd('.');
        foreach (var lead in PartLeads)
            if (p.StartsWith(lead, StringComparison.OrdinalIgnoreCase)) p = p[lead.Length..];
        p = p.Trim();
        return MisprintedParts.GetValueOrDefault(p, p);
    }

    // Words run together in the printed schedule ("35% on thebattery", 2025–2026 column 2 of 9101).
    private static readonly Dictionary<string, string> MisprintedParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thebattery"] = "battery",
    };

    // Applied in order: "the value of the rifle" → "value of the rifle" → "the rifle" → "rifle".
    private static readonly string[] PartLeads = ["the ", "value of ", "the "];
}
