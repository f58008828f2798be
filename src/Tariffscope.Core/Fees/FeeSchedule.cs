using System.Collections.Immutable;

namespace Tariffscope.Fees;

/// <summary>How the goods arrived: the harbor maintenance fee is charged on ocean cargo only.</summary>
public enum TransportMode { Ocean, Air, Truck, Rail, Postal }

/// <summary>The merchandise processing fee of one fiscal year: ad valorem rate, minimum and maximum per entry.</summary>
public sealed record MpfYear(DateOnly From, DateOnly Through, decimal Rate, decimal Min, decimal Max, Provenance Source);

/// <summary>A suspension of the de minimis exemption from a date, for some origins (empty: every origin).</summary>
public sealed record DeMinimisSuspension(DateOnly From, ImmutableArray<string> Origins, Provenance Source)
{
    public bool Covers(string origin, DateOnly date) => date >= From && (Origins.IsEmpty || Origins.Contains(origin));
}

/// <summary>One line of an entry as the fees see it: its value, origin and the programme claimed.</summary>
public readonly record struct FeeLine(decimal Value, string Origin, string? Program);

/// <summary>One charge on an entry beside the duty (MPF, HMF), with how it was reached and its source.</summary>
public sealed record FeeCharge(string Id, string Title, decimal Base, string Rate, decimal Amount, string Note, Provenance Source);

/// <summary>The fees of one entry: each charge, whether the entry passes as de minimis, and warnings.</summary>
public sealed record EntryFees(
    DateOnly Date,
    TransportMode? Mode,
    ImmutableArray<FeeCharge> Charges,
    bool DeMinimis,
    string DeMinimisNote,
    ImmutableArray<string> Warnings)
{
    public decimal Total => Charges.Sum(c => c.Amount);
    public decimal Amount(string id) => Charges.FirstOrDefault(c => c.Id == id)?.Amount ?? 0m;
}

/// <summary>
/// The US entry-level charges: the merchandise processing fee (per entry: the sum of the lines' values, then the
/// fiscal year's minimum and maximum), the harbor maintenance fee (ocean cargo), and the de minimis exemption with
/// its suspensions. Data from <c>data/fees/us-fees.yaml</c>.
/// </summary>
public sealed record FeeSchedule(
    ImmutableArray<MpfYear> MpfYears,
    Provenance MpfLaw,
    ImmutableArray<string> MpfExemptPrograms,
    Provenance MpfExemptSource,
    decimal HmfRate,
    ImmutableArray<TransportMode> HmfModes,
    Provenance HmfSource,
    decimal DeMinimisThreshold,
    Provenance DeMinimisSource,
    ImmutableArray<DeMinimisSuspension> DeMinimisSuspensions)
{
    /// <summary>The fiscal year's MPF figures for a date; past the last year known, the last year with a warning.</summary>
    public MpfYear MpfOn(DateOnly date, out string? warning)
    {
        warning = null;
        foreach (var y in MpfYears) if (date >= y.From && date <= y.Through) return y;
        var last = MpfYears.MaxBy(y => y.Through)!;
        var first = MpfYears.MinBy(y => y.From)!;
        var use = date > last.Through ? last : first;
        warning = $"no merchandise processing fee figures are known for {date:yyyy-MM-dd}: the {use.From:yyyy-MM-dd}–{use.Through:yyyy-MM-dd} minimum and maximum are used (unconfirmed)";
        return use;
    }

    /// <summary>
    /// The fees of one entry entered on <paramref name="date"/>. The de minimis exemption is offered only when the
    /// whole entry is worth at most the threshold and no suspension covers any of its origins; it then owes no fees.
    /// </summary>
    public EntryFees Compute(DateOnly date, TransportMode? mode, IReadOnlyList<FeeLine> lines)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        decimal total = 0m;
        foreach (var l in lines) total += l.Value;

        // de minimis: a whole entry of at most $800 that no suspension reaches
        bool deMinimis = false;
        string dmNote;
        if (total > DeMinimisThreshold) dmNote = $"entry value {Money(total)} is above the de minimis threshold of {Money(DeMinimisThreshold)} ({DeMinimisSource.Citation})";
        else
        {
            var suspended = lines.Select(l => DeMinimisSuspensions.Where(s => s.Covers(l.Origin, date)).MinBy(s => s.From)).FirstOrDefault(s => s is not null);
            if (suspended is not null)
                dmNote = $"entry value {Money(total)} is within the de minimis threshold, but the exemption is suspended from {suspended.From:yyyy-MM-dd}" +
                         (suspended.Origins.IsEmpty ? " for all countries" : $" for goods of {string.Join(", ", suspended.Origins)}") + $" ({suspended.Source.Instrument})";
            else
            {
                deMinimis = true;
                dmNote = $"entry value {Money(total)} is within the de minimis threshold of {Money(DeMinimisThreshold)}: free of duty and fees if entered as such (one person, one day; {DeMinimisSource.Citation})";
            }
        }
        if (deMinimis) return new EntryFees(date, mode, [], true, dmNote, warnings.ToImmutable());

        var charges = ImmutableArray.CreateBuilder<FeeCharge>(2);
        var year = MpfOn(date, out var w);
        if (w is not null) warnings.Add(w);
        decimal mpfBase = 0m, exempt = 0m;
        foreach (var l in lines)
        {
            if (l.Program is { } p && MpfExemptPrograms.Contains(p, StringComparer.OrdinalIgnoreCase)) exempt += l.Value;
            else mpfBase += l.Value;
        }
        var raw = mpfBase * year.Rate;
        decimal mpf;
        string note;
        if (mpfBase == 0m) { mpf = 0m; note = $"all lines claim {string.Join("/", MpfExemptPrograms)}: no fee ({MpfExemptSource.Instrument})"; }
        else if (raw < year.Min) { mpf = year.Min; note = $"{Pct(year.Rate)} of {Money(mpfBase)} is {Money(Cents(raw))}, below the minimum: {Money(year.Min)}"; }
        else if (raw > year.Max) { mpf = year.Max; note = $"{Pct(year.Rate)} of {Money(mpfBase)} is {Money(Cents(raw))}, above the maximum: {Money(year.Max)}"; }
        else { mpf = Cents(raw); note = $"{Pct(year.Rate)} of {Money(mpfBase)}, between the minimum {Money(year.Min)} and maximum {Money(year.Max)}"; }
        if (exempt > 0 && mpfBase > 0) note += $"; {Money(exempt)} of {string.Join("/", MpfExemptPrograms)} goods left out of the base";
        charges.Add(new FeeCharge("mpf", $"Merchandise processing fee (FY{year.Through.Year})", mpfBase, Pct(year.Rate), mpf, note, year.Source));

        if (mode is null)
            warnings.Add("no mode of transport given: the harbor maintenance fee (ocean cargo) is not counted; give the mode (ocean, air, truck, rail, postal)");
        else if (HmfModes.Contains(mode.Value))
            charges.Add(new FeeCharge("hmf", "Harbor maintenance fee", total, Pct(HmfRate), Cents(total * HmfRate),
                $"{Pct(HmfRate)} of {Money(total)} ({mode.Value.ToString().ToLowerInvariant()} cargo)", HmfSource));
        return new EntryFees(date, mode, charges.ToImmutable(), false, dmNote, warnings.ToImmutable());
    }

    public static TransportMode? ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "ocean" or "sea" or "vessel" or "11" or "10" => TransportMode.Ocean,
        "air" or "40" or "41" => TransportMode.Air,
        "truck" or "road" or "30" or "31" => TransportMode.Truck,
        "rail" or "20" or "21" => TransportMode.Rail,
        "postal" or "mail" or "post" => TransportMode.Postal,
        _ => throw new FormatException($"'{text}' is not a mode of transport (ocean, air, truck, rail, postal; or CBP codes 10/11, 20/21, 30/31, 40/41)"),
    };

    internal static decimal Cents(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
    public static string Money(decimal d) => "$" + d.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture);
    public static string Pct(decimal r) => (r * 100m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
