using System.Globalization;

namespace Tariffscope.Data.Entries;

/// <summary>Typed cells (from a workbook or a Parquet column) as the text an entry line is parsed from.</summary>
internal static class CellText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Of(object? v) => v switch
    {
        null => "",
        string s => s,
        // a double from a spreadsheet holds 15 significant digits; as decimal it prints the way it was typed (1234.56)
        double d => double.IsFinite(d) && Math.Abs(d) < 7.9e27 ? ((decimal)d).ToString(Inv) : d.ToString("R", Inv),
        float f => double.IsFinite(f) && Math.Abs(f) < 7.9e27 ? ((decimal)f).ToString(Inv) : f.ToString("R", Inv),
        decimal m => m.ToString(Inv),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", Inv) : t.ToString("yyyy-MM-ddTHH:mm:ss", Inv),
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:ssK", Inv),
        DateOnly d => d.ToString("yyyy-MM-dd", Inv),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, Inv),
        _ => v.ToString() ?? "",
    };
}
