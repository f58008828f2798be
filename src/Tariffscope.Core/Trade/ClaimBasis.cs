using Tariffscope.Nomenclature;

namespace Tariffscope.Trade;

/// <summary>
/// Which claims a trade-weighted answer assumes, per partner: the programme (e.g. CA → S, USMCA) and the share of
/// each line's value entered under it. Expected: the share actually claimed in the month (<see cref="ClaimShares"/>);
/// all: every line claimed (the bound with every eligible claim made); none: no claim (the other bound). A line
/// whose HTS special column does not offer the programme is rated without it whatever the share.
/// </summary>
public sealed class ClaimBasis
{
    private readonly IReadOnlyDictionary<string, string> _programs;

    private ClaimBasis(ClaimAssumption assumption, ClaimShares shares, IReadOnlyDictionary<string, string> programs)
    {
        Assumption = assumption;
        Shares = shares;
        _programs = programs;
    }

    /// <summary>USMCA for Canada and Mexico: the pairs "all" claims when no shares name others.</summary>
    public static readonly IReadOnlyDictionary<string, string> Usmca = new Dictionary<string, string> { ["CA"] = "S", ["MX"] = "S" };

    public static readonly ClaimBasis NoClaims = new(ClaimAssumption.None, ClaimShares.Empty, new Dictionary<string, string>());

    public ClaimAssumption Assumption { get; }
    public ClaimShares Shares { get; }

    /// <summary>Partner → programme claimed (in part or in full).</summary>
    public IReadOnlyDictionary<string, string> Programs => _programs;

    /// <summary>Each line claimed at its share of the month (<paramref name="shares"/>); partners without shares claim nothing.</summary>
    public static ClaimBasis Expected(ClaimShares shares) =>
        new(ClaimAssumption.Expected, shares, shares.Pairs.GroupBy(p => p.Partner).ToDictionary(g => g.Key, g => g.First().Program, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every line of the partners named claims the programme named, when the line offers it.</summary>
    public static ClaimBasis All(IReadOnlyDictionary<string, string>? programs = null) =>
        new(ClaimAssumption.All, ClaimShares.Empty, new Dictionary<string, string>(programs ?? Usmca, StringComparer.OrdinalIgnoreCase));

    /// <summary>The basis an option names: "expected", "none", "all", or PARTNER=PROGRAMME pairs (all, for those).</summary>
    public static ClaimBasis Parse(string? option, ClaimShares shares)
    {
        var text = (option ?? "expected").Trim();
        switch (text.ToLowerInvariant())
        {
            case "" or "expected": return Expected(shares);
            case "none": return NoClaims;
            case "all":
                return All(shares.IsEmpty ? Usmca : shares.Pairs.GroupBy(p => p.Partner).ToDictionary(g => g.Key, g => g.First().Program));
        }
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (c.Split('=', StringSplitOptions.TrimEntries) is not [{ Length: > 0 } p, { Length: > 0 } prog])
                throw new FormatException($"--claim: expected expected, none, all or PARTNER=PROGRAMME pairs (e.g. CA=S,MX=S); found \"{c}\"");
            pairs[p.ToUpperInvariant()] = prog.ToUpperInvariant();
        }
        return All(pairs);
    }

    /// <summary>True when the option text is one <see cref="Parse"/> reads.</summary>
    public static string? Check(string? option)
    {
        try { Parse(option, ClaimShares.Empty); return null; }
        catch (FormatException e) { return e.Message; }
    }

    /// <summary>The programme a partner's lines are claimed under (in part or in full), or null.</summary>
    public string? ProgramOf(string partner) => _programs.GetValueOrDefault(partner);

    /// <summary>
    /// The share of the line's value rated as claimed on the date: 1 or 0 for the bounds; the month's share when
    /// expected, else the 2024 annual share of the line, else 0 (no record of the line: rated unclaimed).
    /// </summary>
    public decimal ClaimedShare(string partner, HtsCode code, DateOnly date)
    {
        if (ProgramOf(partner) is not { } program) return 0m;
        return Assumption switch
        {
            ClaimAssumption.All => 1m,
            ClaimAssumption.None => 0m,
            _ => code.Length != 10 ? 0m
                : Shares.Share(program, code.Digits, partner, date) ?? Shares.Share(program, code.Digits, partner, Annual) ?? 0m,
        };
    }

    /// <summary>A date the annual (2024) table answers for.</summary>
    private static readonly DateOnly Annual = new(2024, 12, 31);

    /// <summary>The dates within (from, to] on which a partner's claimed shares change (month starts), when expected.</summary>
    public IReadOnlyList<DateOnly> ChangeDates(string partner, DateOnly from, DateOnly to) =>
        Assumption == ClaimAssumption.Expected && ProgramOf(partner) is not null ? Shares.ChangeDates(partner, from, to) : [];

    /// <summary>The programme and its share for a line, or null when nothing of it is claimed.</summary>
    public (string Program, decimal Share)? ClaimOn(string partner, HtsCode code, DateOnly date) =>
        Assumption != ClaimAssumption.None && ProgramOf(partner) is { } program && ClaimedShare(partner, code, date) is > 0 and var share
            ? (program, share) : null;

    /// <summary>One line rated as claimed: without the programme, and with it for the claimed share
    /// (<paramref name="partner"/> names the shares; <paramref name="origin"/> is what the engine rates).</summary>
    public LineRating Rate(LineRater rater, string partner, string origin, HtsCode code, DateOnly date, Duties.Quantity? quantityPerValue)
    {
        var unclaimed = rater.Rate(code, origin, date, quantityPerValue);
        return ClaimOn(partner, code, date) is { } c && unclaimed.IsRated
            ? Blend(unclaimed, rater.Rate(code, origin, date, quantityPerValue, c.Program), c.Share)
            : unclaimed;
    }

    /// <summary>True when the line's HTS special column offers the programme on the date (a claim is possible).</summary>
    public static bool Offers(Engine.TariffEngine engine, string importer, HtsCode code, DateOnly date, string program)
    {
        try { return engine.ResolveLine(importer, code, date).Special.Any(s => s.Offers(program)); }
        catch (Engine.RatingException) { return false; }
    }

    /// <summary>The line as claimed: the claimed share rated with the programme, the rest without.</summary>
    public static LineRating Blend(LineRating unclaimed, LineRating? claimed, decimal share) =>
        share <= 0 || claimed is null ? unclaimed
        : share >= 1 ? claimed
        : LineRating.Mean([(claimed, share), (unclaimed, 1 - share)]);

    /// <summary>What the answer assumed, for every text and JSON answer.</summary>
    public ClaimSummary Summary()
    {
        var pairs = string.Join(", ", _programs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return Assumption switch
        {
            ClaimAssumption.None => new("none", "no preference claimed on any line (the upper bound)"),
            ClaimAssumption.All => new("all", $"every line that offers the programme rated as claimed ({pairs}): the lower bound, every eligible claim made"),
            _ when _programs.Count == 0 => new("expected", "expected duty asked, but no claim shares are held: no preference claimed on any line"),
            _ => new("expected", $"expected duty: each line's claimed share of the month ({pairs}; {Describe(Shares)}) rated as claimed, the rest without"),
        };
    }

    private static string Describe(ClaimShares shares)
    {
        var months = shares.Tables.Where(t => !t.Annual).Select(t => t.From).Distinct().Order().ToList();
        var annual = shares.Tables.Any(t => t.Annual);
        var span = months.Count == 0 ? "" : $"months {months[0]:yyyy-MM} to {months[^1]:yyyy-MM}, the last held for later dates";
        return string.Join("; ", new[] { annual ? "the 2024 annual shares before 2025" : null, span.Length > 0 ? span : null }.OfType<string>()
            .Append("a line without a share of its month takes its 2024 share, else none"));
    }
}

/// <summary>The claim assumption of an answer: "expected", "none" or "all", and in words.</summary>
public sealed record ClaimSummary(string Assumption, string Description);
