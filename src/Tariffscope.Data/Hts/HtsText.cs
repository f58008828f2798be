using System.Text;

namespace Tariffscope.Data.Hts;

/// <summary>
/// Presentation noise in the export's texts. Some revisions carry HTML markup (<c>(&lt;i&gt;Camelidae&lt;/i&gt;)</c>,
/// <c>$1.13/m&lt;sup&gt;3&lt;/sup&gt;</c>, <c>6.5¢/gross&lt;il&gt;&lt;/il&gt;</c>) where the next revision has plain text; others
/// carry non-breaking spaces, doubled spaces and line breaks. Cleaning them keeps the same text equal across
/// revisions, so history reports changes of substance only.
/// </summary>
public static class HtsText
{
    /// <summary>True when <see cref="Clean"/> would change the text.</summary>
    public static bool NeedsCleaning(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return false;
        if (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1])) return true;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '<' || c == '\u00A0' || c == '\n' || c == '\r' || c == '\t') return true;
            if (c == ' ' && i + 1 < s.Length && s[i + 1] == ' ') return true;
        }
        return false;
    }

    /// <summary>Markup tags removed (a line-break tag becomes a space), every run of white space one space, trimmed.</summary>
    public static string Clean(string s)
    {
        if (!NeedsCleaning(s)) return s;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '<' && TagLength(s, i) is > 0 and var len)
            {
                if (IsLineBreak(s.AsSpan(i, len))) space = true;
                i += len - 1;
                continue;
            }
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The length of an HTML-like tag at <paramref name="at"/> ("&lt;i&gt;", "&lt;/sup&gt;", "&lt;br /&gt;"), or 0.</summary>
    private static int TagLength(string s, int at)
    {
        int i = at + 1;
        if (i < s.Length && s[i] == '/') i++;
        if (i >= s.Length || !char.IsAsciiLetter(s[i])) return 0; // "< 5 mm" is text, not a tag
        int close = s.IndexOf('>', i);
        if (close < 0 || close - at > 400) return 0;
        int reopen = s.IndexOf('<', i, close - i);
        return reopen >= 0 ? 0 : close - at + 1;
    }

    private static bool IsLineBreak(ReadOnlySpan<char> tag) =>
        tag.StartsWith("<br", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("<nl", StringComparison.OrdinalIgnoreCase)
        || tag.StartsWith("<newline", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("</newline", StringComparison.OrdinalIgnoreCase);
}
