using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>A rate text the parser could not read, how often it occurs, and the first line that prints it.</summary>
public sealed record UnreadRate(string Text, int Count, string FirstCode);

/// <summary>How the texts of one rate column read: how many there are, how many parse, by shape, and the rest.</summary>
public sealed record ColumnReport(string Column, int Texts, int Parsed, IReadOnlyDictionary<string, int> Shapes, IReadOnlyList<UnreadRate> Unread)
{
    public int Unparsed => Texts - Parsed;
}

/// <summary>What <c>data check-hts</c> reports about one export.</summary>
public sealed record HtsCheckReport(
    string File,
    int Rows,
    int GroupHeadings,
    int NumberedLines,
    IReadOnlyDictionary<int, int> LinesByDigits,
    int LinesWithChapter99Refs,
    IReadOnlyList<ColumnReport> Columns,
    IReadOnlyList<HtsWarning> Warnings,
    int TenDigitLines = 0,
    int TenDigitLinesParsed = 0);

/// <summary>Reads an export and counts how its rate texts parse.</summary>
public static class HtsCheck
{
    public static HtsCheckReport Run(string path) => Run(HtsJsonReader.Read(path));

    public static HtsCheckReport Run(HtsFile file)
    {
        var lines = file.Lines;
        var byDigits = lines.GroupBy(l => l.Code.Length).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        // A per-line tally (not RateShapeReport) so that each unread text can name the first line that prints it.
        var columns = new List<ColumnReport>
        {
            Tally("general", lines.Select(l => (l, l.GeneralText, Rates: One(l.General)))),
            Tally("special", lines.Select(l => (l, l.SpecialText, Rates: l.Special.Select(s => (DutyExpression?)s.Rate)))),
            Tally("other", lines.Select(l => (l, l.OtherText, Rates: One(l.Other)))),
        };
        // The figure that matters for rating: a 10-digit line's general rate, its own or the one it inherits.
        int ten = 0, tenParsed = 0;
        foreach (var l in lines.Where(l => l.Code.Length == 10))
        {
            ten++;
            var rate = l.General ?? l.Ancestors().Select(a => a.General).FirstOrDefault(g => g is not null);
            if (rate is { IsParsed: true }) tenParsed++;
        }
        return new HtsCheckReport(file.FileName, file.RowCount, file.GroupHeadingCount, lines.Count, byDigits,
            lines.Count(l => !l.Chapter99Refs.IsEmpty), columns, file.Warnings, ten, tenParsed);
    }

    private static IEnumerable<DutyExpression?> One(DutyExpression? d) => [d];

    /// <summary>A text counts as parsed when every rate read from it is; its shapes are those of its rates
    /// (a special column "Free (A,AU) 3.5% (JO)" counts one "free" and one "ad valorem").</summary>
    private static ColumnReport Tally(string column, IEnumerable<(TariffLine Line, string Text, IEnumerable<DutyExpression?> Rates)> cells)
    {
        int texts = 0, parsed = 0;
        var shapes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unread = new Dictionary<string, (int Count, string First)>(StringComparer.Ordinal);
        foreach (var (line, text, rates) in cells)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            texts++;
            bool ok = true;
            foreach (var rate in rates)
            {
                if (rate is null) continue;
                shapes[rate.Shape] = shapes.GetValueOrDefault(rate.Shape) + 1;
                ok &= rate.IsParsed;
            }
            if (ok) { parsed++; continue; }
            var key = text.Trim();
            unread[key] = unread.TryGetValue(key, out var u) ? (u.Count + 1, u.First) : (1, line.Code.ToString());
        }
        var list = unread.OrderByDescending(u => u.Value.Count).ThenBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => new UnreadRate(u.Key, u.Value.Count, u.Value.First)).ToList();
        return new ColumnReport(column, texts, parsed, shapes, list);
    }
}
