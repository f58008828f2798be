using System.Runtime.CompilerServices;
namespace Tariffscope.Data.Entries;

/// <summary>
/// Text echoed from an input file into a CSV or Excel output, made safe to open in a spreadsheet: a cell that starts
/// with = + - @ tab or CR would be taken as a formula (CSV injection, e.g. =HYPERLINK(…) or =cmd|…), so it gets a
/// leading apostrophe, as OWASP advises; a plain number such as -5 or +1.5 cannot be a formula and is left as it is.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>Excel's limit on the characters of one cell; a longer text would make the workbook unreadable.</summary>
    public const int MaxXlsxCell = 32_767;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Safe(string s)
    {
        if (s.Length == 0 || s[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r')) return s;
        if (s[0] is '+' or '-' && IsNumber(s.AsSpan(1))) return s;
        return "'" + s;
    }

    /// <summary><see cref="Safe"/>, then cut to what one Excel cell holds, saying how much was cut.</summary>
    public static string SafeXlsx(string s)
    {
        s = Safe(s);
        if (s.Length <= MaxXlsxCell) return s;
        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"… [cut: {s.Length:N0} characters; an Excel cell holds {MaxXlsxCell:N0}]");
        return s[..(MaxXlsxCell - note.Length)] + note;
    }

    private static bool IsNumber(ReadOnlySpan<char> t)
    {
        if (t.IsEmpty) return false;
        bool digit = false;
        foreach (var c in t)
        {
            if (char.IsAsciiDigit(c)) digit = true;
            else if (c is not ('.' or ',')) return false;
        }
        return digit;
    }
}
