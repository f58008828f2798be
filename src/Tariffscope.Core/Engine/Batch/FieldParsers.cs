using System.Runtime.CompilerServices;
using System.Globalization;

namespace Tariffscope.Engine.Batch;

/// <summary>
/// Reads the fields of an entry file the way a person writes them, and refuses what could be read two ways:
/// "10,000.50" and "10.000,50" are clear, "1,234" (a thousand, or one and a bit?) is not; 13.08.2025 and
/// 08/13/2025 are clear, 05/06/2025 (May or June?) is not. Each refusal says why, for the rejects file.
/// </summary>
public static class FieldParsers
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A decimal number; thousands separators allowed where they cannot be mistaken for a decimal mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value, out string? reason)
    {
        value = 0; reason = null;
        text = text.Trim();
        if (text.IsEmpty) { reason = "empty: expected a number"; return false; }
        // the common case first: plain digits with an optional dot
        if (IsPlain(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out value)) return true;
        int commas = text.Count(','), dots = text.Count('.');
        string? normal = null;
        if (commas > 0 && dots > 0)
        {
            // the later mark is the decimal one: 10,000.50 or 10.000,50
            bool dotDecimal = text.LastIndexOf('.') > text.LastIndexOf(',');
            char group = dotDecimal ? ',' : '.', dec = dotDecimal ? '.' : ',';
            if (text.Count(dec) == 1 && Grouped(text[..text.IndexOf(dec)], group))
                normal = text.ToString().Replace(group.ToString(), "").Replace(dec, '.');
        }
        else if (commas > 0 || dots > 1)
        {
            char mark = commas > 0 ? ',' : '.';
            int count = commas > 0 ? commas : dots;
            if (count == 1 && mark == ',')
            {
                var after = text.Length - text.IndexOf(',') - 1;
                if (after == 3 && Grouped(text, ',')) { reason = $"ambiguous number \"{text}\": a thousands separator or a decimal comma? write {text.ToString().Replace(",", "")} or {text.ToString().Replace(',', '.')}"; return false; }
                normal = text.ToString().Replace(',', '.'); // 12,5 or 12,50: a decimal comma
            }
            else if (Grouped(text, mark)) normal = text.ToString().Replace(mark.ToString(), ""); // 1,234,567 or 1.234.567
        }
        if (normal is not null && decimal.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out value)) return true;
        reason = $"not a number: \"{Clip(text)}\"";
        return false;
    }

    private static bool IsPlain(ReadOnlySpan<char> t)
    {
        foreach (var c in t) if (c is not ((>= '0' and <= '9') or '.' or '-' or '+')) return false;
        return true;
    }

    /// <summary>Digits grouped by three with <paramref name="sep"/>: "1,234,567" (a sign allowed in front).</summary>
    private static bool Grouped(ReadOnlySpan<char> t, char sep)
    {
        if (t.Length > 0 && t[0] is '-' or '+') t = t[1..];
        int i = 0, run = 0, groups = 0;
        for (; i < t.Length; i++)
        {
            var c = t[i];
            if (c == sep)
            {
                if (run == 0 || (groups > 0 && run != 3) || run > 3) return false;
                groups++; run = 0;
            }
            else if (c is >= '0' and <= '9') run++;
            else return false;
        }
        return groups > 0 && run == 3;
    }

    /// <summary>A share of value, 0–1, written as a fraction (0.35) or a percentage (35%).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseShare(ReadOnlySpan<char> text, out decimal value, out string? reason)
    {
        text = text.Trim();
        bool pct = text.EndsWith("%");
        if (!TryParseDecimal(pct ? text[..^1] : text, out value, out reason)) return false;
        if (pct) value /= 100m;
        if (value is < 0 or > 1) { reason = $"{Clip(text)} is not a share between 0 and 1 (or 0% and 100%)"; return false; }
        return true;
    }

    // 24-hour forms, and the 12-hour ones US spreadsheets export (8/13/2025 2:30:00 PM)
    private static readonly string[] TimeForms = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "HH:mm:ss.FFFFFFF", "h:mm tt", "hh:mm tt", "h:mm:ss tt", "hh:mm:ss tt"];

    /// <summary>A time of day (00:00 to 23:59:59.9999999), with an optional Z or UTC offset after it.</summary>
    private static bool IsTime(ReadOnlySpan<char> t)
    {
        if (t.EndsWith("Z") || t.EndsWith("z")) t = t[..^1];
        else if (t.Length > 6 && t[^6] is '+' or '-' && t[^3] == ':') t = t[..^6];
        return TimeOnly.TryParseExact(t, TimeForms, Inv, DateTimeStyles.None, out _);
    }

    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// A date: ISO (2025-08-13, 2025/08/13, 2025.08.13, 20250813, with an optional time), day and month with the
    /// year last when only one reading is possible (13.08.2025, 08/13/2025, 5/5/2025), or with the month's name
    /// (13 Aug 2025, Aug 13, 2025, 13-Aug-2025). Two-digit years and day/month orders that could be read both ways are refused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date, out string? reason)
    {
        date = default; reason = null;
        text = text.Trim();
        if (text.IsEmpty) { reason = "empty: expected a date such as 2025-08-13"; return false; }
        // a time part after the date (from spreadsheets and databases) is dropped
        var t = text;
        int cut = t.IndexOfAny('T', ' ');
        if (cut >= 8 && char.IsAsciiDigit(t[0]) && t.Length > cut + 1 && char.IsAsciiDigit(t[cut + 1]) && t[(cut + 1)..].Contains(':'))
        {
            // the time is dropped, but only a real one: 25:00 or 12:61 says the field is not what it seems
            if (!IsTime(t[(cut + 1)..])) { reason = $"not a date and time: \"{Clip(text)}\" (the time of day is not valid)"; return false; }
            t = t[..cut];
        }

        if (t.Length == 8 && IsDigits(t))
            return Make(Num(t[..4]), Num(t.Slice(4, 2)), Num(t.Slice(6, 2)), text, out date, out reason);

        Span<Range> parts = stackalloc Range[4];
        var n = SplitDate(t, parts);
        if (n != 3) { reason = $"not a date: \"{Clip(text)}\" (expected e.g. 2025-08-13)"; return false; }
        ReadOnlySpan<char> a = t[parts[0]], b = t[parts[1]], c = t[parts[2]];
        int ma = Month(a), mb = Month(b);
        if (ma > 0 || mb > 0)
        {
            // 13 Aug 2025 / Aug 13 2025 / 2025-Aug-13
            if (ma > 0 && IsDigits(b) && IsDigits(c) && c.Length == 4) return Make(Num(c), ma, Num(b), text, out date, out reason);
            if (mb > 0 && IsDigits(a) && IsDigits(c) && c.Length == 4) return Make(Num(c), mb, Num(a), text, out date, out reason);
            if (mb > 0 && IsDigits(a) && a.Length == 4 && IsDigits(c)) return Make(Num(a), mb, Num(c), text, out date, out reason);
            reason = $"not a date: \"{Clip(text)}\""; return false;
        }
        if (!IsDigits(a) || !IsDigits(b) || !IsDigits(c)) { reason = $"not a date: \"{Clip(text)}\" (expected e.g. 2025-08-13)"; return false; }
        if (a.Length == 4) return Make(Num(a), Num(b), Num(c), text, out date, out reason); // year first: always Y-M-D
        if (c.Length != 4)
        {
            reason = $"\"{Clip(text)}\": the year must have four digits (2025-08-13)";
            return false;
        }
        int x = Num(a), y = Num(b), year = Num(c);
        if (x > 12 && y <= 12) return Make(year, y, x, text, out date, out reason);   // 13.08.2025: day first
        if (y > 12 && x <= 12) return Make(year, x, y, text, out date, out reason);   // 08/13/2025: month first
        if (x == y) return Make(year, x, y, text, out date, out reason);               // 05/05/2025 reads the same both ways
        reason = x > 12 ? $"not a date: \"{Clip(text)}\"" : $"ambiguous date \"{Clip(text)}\": day {x} of month {y}, or month {x} day {y}? write it as YYYY-MM-DD";
        return false;
    }

    private static int SplitDate(ReadOnlySpan<char> t, Span<Range> parts)
    {
        int n = 0, start = -1;
        for (int i = 0; i <= t.Length; i++)
        {
            bool sep = i == t.Length || t[i] is '-' or '/' or '.' or ' ' or ',';
            if (!sep) { if (start < 0) start = i; continue; }
            if (start >= 0)
            {
                if (n == parts.Length) return -1;
                parts[n++] = new Range(start, i);
                start = -1;
            }
        }
        return n;
    }

    private static int Month(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || !char.IsAsciiLetter(s[0])) return 0;
        for (int i = 0; i < 12; i++)
            if (s[..3].Equals(MonthNames[i], StringComparison.OrdinalIgnoreCase)) return i + 1;
        return 0;
    }

    private static bool Make(int year, int month, int day, ReadOnlySpan<char> text, out DateOnly date, out string? reason)
    {
        date = default; reason = null;
        if (year < 1900 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            reason = $"not a calendar date: \"{Clip(text)}\"";
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static int Num(ReadOnlySpan<char> s) => s.Length > 9 ? -1 : int.Parse(s, NumberStyles.None, Inv);

    /// <summary>A country of origin: an ISO 3166-1 alpha-2 code, any case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseCountry(ReadOnlySpan<char> text, out string code, out string? reason)
    {
        text = text.Trim();
        code = "";
        reason = null;
        if (text.Length == 2 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]))
        {
            Span<char> up = stackalloc char[2];
            text.ToUpperInvariant(up);
            if (Countries.TryGet(up, out code)) return true;
        }
        reason = text.IsEmpty ? "empty: expected a two-letter country code such as CN" : $"\"{Clip(text)}\" is not an ISO 3166 two-letter country code (CN, DE, VN, …)";
        return false;
    }

    internal static string Clip(ReadOnlySpan<char> s) => s.Length <= 40 ? s.ToString() : s[..40].ToString() + "…";
}
