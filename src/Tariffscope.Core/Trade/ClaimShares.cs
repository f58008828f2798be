namespace Tariffscope.Trade;

/// <summary>
/// The share of a partner's imports of each 10-digit line that entered claiming a special programme (e.g. "S",
/// USMCA) in one month — <paramref name="From"/> is the first day of the month — or over the year 2024
/// (<paramref name="Annual"/>). Shares are fractions 0–1. A line absent from <paramref name="ByHts10"/> is one the
/// table says nothing about (no imports that month), not a share of zero.
/// </summary>
public sealed record ClaimShareTable(string Program, string Partner, DateOnly From, bool Annual, IReadOnlyDictionary<string, decimal> ByHts10, Provenance Source);

/// <summary>
/// How preference claims are assumed when rating trade: none made, the share actually claimed per line and month
/// (expected duty), or every claim a line offers made. The two bounds bracket the expected duty.
/// </summary>
public enum ClaimAssumption { Expected, None, All }

/// <summary>
/// Claim shares by programme, partner, line and month (<see cref="ClaimShareTable"/>). <see cref="Share"/> answers
/// with the month's table; after the last month held, the latest month before the date; before 2025, the 2024 annual
/// table; null when the line is not in the table that answers.
/// </summary>
public sealed class ClaimShares
{
    private readonly Dictionary<(string Program, string Partner), Series> _series = new();

    public static readonly ClaimShares Empty = new([]);

    public ClaimShares(IEnumerable<ClaimShareTable> tables)
    {
        Tables = [.. tables];   // read once: the tables may come from files
        foreach (var g in Tables.GroupBy(t => (t.Program.ToUpperInvariant(), t.Partner.ToUpperInvariant())))
        {
            var annual = g.Where(t => t.Annual).ToList();
            var months = g.Where(t => !t.Annual).OrderBy(t => t.From).ToList();
            for (int i = 1; i < months.Count; i++)
                if (months[i].From == months[i - 1].From)
                    throw new ArgumentException($"two claim-share tables of programme {g.Key.Item1}, partner {g.Key.Item2} for {months[i].From:yyyy-MM}: {months[i - 1].Source} and {months[i].Source}");
            if (annual.Count > 1)
                throw new ArgumentException($"two annual claim-share tables of programme {g.Key.Item1}, partner {g.Key.Item2}: {annual[0].Source} and {annual[1].Source}");
            _series[g.Key] = new Series(annual.FirstOrDefault(), months);
        }
    }

    /// <summary>Every table held.</summary>
    public IReadOnlyList<ClaimShareTable> Tables { get; }

    public bool IsEmpty => _series.Count == 0;

    /// <summary>The (partner, programme) pairs with shares, in partner order.</summary>
    public IReadOnlyList<(string Partner, string Program)> Pairs =>
        [.. _series.Keys.Select(k => (k.Partner, k.Program)).OrderBy(k => k.Partner, StringComparer.Ordinal).ThenBy(k => k.Program, StringComparer.Ordinal)];

    /// <summary>The programmes a partner has shares for.</summary>
    public IEnumerable<string> ProgramsOf(string partner) =>
        _series.Keys.Where(k => k.Partner.Equals(partner, StringComparison.OrdinalIgnoreCase)).Select(k => k.Program);

    /// <summary>The share of <paramref name="hts10"/> from <paramref name="partner"/> entered under
    /// <paramref name="program"/> on <paramref name="date"/>, or null when the table that answers does not hold the line
    /// (or no table answers).</summary>
    public decimal? Share(string program, string hts10, string partner, DateOnly date) =>
        TableOn(program, partner, date) is { } t && t.ByHts10.TryGetValue(hts10, out var s) ? s : null;

    /// <summary>The table that answers for a date: the month's; the latest month before it when the date is later
    /// than the last month; the annual (2024) one before 2025. Null when none does.</summary>
    public ClaimShareTable? TableOn(string program, string partner, DateOnly date)
    {
        if (!_series.TryGetValue((program.ToUpperInvariant(), partner.ToUpperInvariant()), out var s)) return null;
        if (date.Year < 2025) return s.Annual;
        var months = s.Months;
        // the last month starting on or before the date
        int lo = 0, hi = months.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (months[mid].From <= date) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return s.Annual;
        var t = months[found];
        bool sameMonth = t.From.Year == date.Year && t.From.Month == date.Month;
        // a gap inside the months held answers with nothing rather than an older month; after the last, the last
        return sameMonth || found == months.Count - 1 ? t : null;
    }

    /// <summary>The first days of the months on which a partner's shares can change within [from, to] (a month's
    /// table taking over from the one before, a gap between two months held, or the annual table giving way to the
    /// months).</summary>
    public IReadOnlyList<DateOnly> ChangeDates(string partner, DateOnly from, DateOnly to)
    {
        var dates = new SortedSet<DateOnly>();
        foreach (var (key, s) in _series)
        {
            if (!key.Partner.Equals(partner, StringComparison.OrdinalIgnoreCase)) continue;
            for (int i = 0; i < s.Months.Count; i++)
            {
                var m = s.Months[i];
                if (m.From > from && m.From <= to) dates.Add(m.From);
                // a gap after a month (not the last) answers with no share from its first day: a change too
                var after = new DateOnly(m.From.Year, m.From.Month, 1).AddMonths(1);
                if (i < s.Months.Count - 1 && s.Months[i + 1].From > after && after > from && after <= to) dates.Add(after);
            }
            var y2025 = new DateOnly(2025, 1, 1);
            if (s.Annual is not null && y2025 > from && y2025 <= to) dates.Add(y2025);
        }
        return [.. dates];
    }

    private sealed record Series(ClaimShareTable? Annual, List<ClaimShareTable> Months);
}
