using System.Collections.Frozen;
using System.Collections.Immutable;
using Tariffscope.Fees;
using Tariffscope.Policy;

namespace Tariffscope.Engine.Replay;

/// <summary>Why a layer of a replayed line is flagged.</summary>
public enum FlagKind
{
    /// <summary>The duty was declared under another Chapter 99 heading than the rules give for the layer.</summary>
    WrongHeading,
    /// <summary>A layer was declared that an exception the line qualifies for (a programme claimed, a product
    /// exclusion, a suspension) takes out.</summary>
    MissedExemption,
    /// <summary>A layer was declared that yields to another layer charged on the line (reciprocal on Section 232 goods).</summary>
    StackingError,
    /// <summary>A layer the rules charge was not declared.</summary>
    NotDeclared,
    /// <summary>A Chapter 99 number was declared that no measure charged on the line on its date.</summary>
    NotDue,
    /// <summary>Declared under the right heading, with an amount that differs from the rule's.</summary>
    AmountDiffers,
    /// <summary>A programme the line could claim (USMCA for goods of Canada and Mexico) was not claimed, and the claim
    /// would lower the duty: worth checking whether the goods qualify. Carries no amount.</summary>
    MissedClaim,
}

/// <summary>
/// One layer of a replayed line: the duty the rules required under an authority (a measure family), and what was
/// declared under the matching HTS number, with a flag when they part by more than the threshold.
/// </summary>
public sealed record AuthorityRow(
    string Family,
    string FamilyTitle,
    string? MeasureId,
    string? Heading,
    string? Rate,
    decimal Required,
    decimal Declared,
    string? DeclaredAs,
    bool Refundable,
    FlagKind? Flag,
    string? Reason,
    Provenance? Source)
{
    public decimal Difference => Declared - Required;
}

/// <summary>A replayed line: the quote under the rules of its date, and the layer-by-layer comparison.</summary>
public sealed record LineReplay(ReplayLine Line, Quote Quote, ImmutableArray<AuthorityRow> Rows)
{
    public decimal Required => Rows.Sum(r => r.Required);
    public decimal Declared => Rows.Sum(r => r.Declared);
    public decimal Difference => Declared - Required;
    /// <summary>Duties paid (declared) under a refundable authority (IEEPA): what may be claimed back.</summary>
    public decimal Refundable => Rows.Where(r => r.Refundable).Sum(r => r.Declared);
    /// <summary>What the rules charged under a refundable authority (equal to <see cref="Refundable"/> when declared right).</summary>
    public decimal RefundableRequired => Rows.Where(r => r.Refundable).Sum(r => r.Required);
    public IEnumerable<AuthorityRow> Flags => Rows.Where(r => r.Flag is not null);
}

/// <summary>
/// Replays entry lines: quotes each under the rules of its entry date and compares every layer with what was
/// declared under the matching HTS number. Authorities are the measure families of the policy data; which of them
/// are refundable comes from the refund rules (<c>data/fees</c>), and a declared number's authority from the headings
/// the policy gives its measures. Thread-safe.
/// </summary>
public sealed class LineReplayer
{
    private readonly TariffEngine _engine;
    private readonly RefundRules _refunds;
    private readonly HeadingIndex _headings;
    private readonly FrozenDictionary<string, Measure> _measures;
    private readonly FrozenDictionary<string, FrozenSet<string>> _yields;

    /// <summary>A layer whose declared amount differs from the rule's by more than this (USD) is flagged.</summary>
    public decimal Threshold { get; }
    public TariffEngine Engine => _engine;

    public LineReplayer(TariffEngine engine, RefundRules refunds, decimal threshold = 1m)
    {
        _engine = engine;
        _refunds = refunds;
        Threshold = threshold;
        _headings = new HeadingIndex(engine.Policy);
        _measures = engine.Policy.Measures.ToFrozenDictionary(m => m.Id);
        _yields = engine.Policy.Measures.ToFrozenDictionary(m => m.Id, m =>
            TariffEngine.YieldTargets(engine.Policy, engine.Policy.Families[m.Family].YieldsTo.Concat(m.YieldsTo)).ToFrozenSet());
    }

    public bool IsRefundable(string family) => _refunds.ForFamily(family) is not null;

    private string TitleOf(string family) =>
        family == Layer.BaseFamily ? "Chapters 1–97 (base rate)" : _engine.Policy.Families.TryGetValue(family, out var f) ? f.Title : family;

    public LineReplay Replay(ReplayLine line)
    {
        var quote = _engine.Quote(line.Entry, QuoteDetail.Full);
        var declared = line.Declared;
        var used = new bool[declared.Length];
        var rows = new List<AuthorityRow>(quote.Layers.Length + declared.Length);
        var unmatched = new List<Layer>();

        // 1. each layer the rules charge, against the number declared for it (the base: a Chapter 1–97 number)
        foreach (var layer in quote.Layers)
        {
            int at = -1;
            for (int i = 0; i < declared.Length && at < 0; i++)
                if (!used[i] && (layer.IsBase ? !Headings.IsChapter99(declared[i].Number) : Headings.Matches(layer.Heading, declared[i].Number))) at = i;
            if (at < 0) { unmatched.Add(layer); continue; }
            used[at] = true;
            var d = declared[at];
            var diff = d.Amount - layer.Amount;
            FlagKind? flag = Math.Abs(diff) > Threshold ? FlagKind.AmountDiffers : null;
            rows.Add(Row(layer, d.Amount, d.Number, IsRefundable(layer.Family), flag,
                flag is null ? null : $"declared {Money(d.Amount)} under {d.Number}; the rules give {Money(layer.Amount)} ({layer.Rate} on {Pct(layer.Share)} of value)"));
        }

        // 2. numbers declared for no charged layer: one the rules left out (an exception, a layer yielding to another),
        //    one standing in for a charged layer under another heading, or one no measure charged
        var charged = quote.Layers.Select(l => l.Family).ToHashSet();
        var strays = new List<int>();
        for (int i = 0; i < declared.Length; i++)
        {
            if (used[i]) continue;
            var d = declared[i];
            var omitted = quote.Omitted.FirstOrDefault(o => Headings.Matches(o.Heading, d.Number));
            if (omitted is null) { strays.Add(i); continue; }
            used[i] = true;
            bool stacking = _yields.TryGetValue(omitted.MeasureId, out var ys) && ys.Overlaps(charged);
            var flag = d.Amount > Threshold ? (stacking ? FlagKind.StackingError : FlagKind.MissedExemption) : (FlagKind?)null;
            rows.Add(new AuthorityRow(omitted.Family, TitleOf(omitted.Family), omitted.MeasureId, omitted.Heading, null, 0m, d.Amount, d.Number,
                IsRefundable(omitted.Family), flag, flag is null ? null : $"{Money(d.Amount)} declared under {d.Number} ({omitted.Title}), which is {omitted.Reason}", omitted.Source));
        }
        foreach (var i in strays)
        {
            var d = declared[i];
            var family = _headings.FamilyOf(d.Number);
            // a charged layer of the same authority left undeclared: the duty went under the wrong heading
            var stand = unmatched.FirstOrDefault(l => !l.IsBase && (family is null || l.Family == family))
                        ?? (family is null ? null : unmatched.FirstOrDefault(l => !l.IsBase));
            if (stand is not null && Headings.IsChapter99(d.Number))
            {
                unmatched.Remove(stand);
                rows.Add(Row(stand, d.Amount, d.Number, IsRefundable(family ?? stand.Family), FlagKind.WrongHeading,
                    $"declared {Money(d.Amount)} under {d.Number}{(family is null ? "" : $" ({TitleOf(family)})")}; the rules charge {stand.Title} under {stand.Heading}: {Money(stand.Amount)}"));
                continue;
            }
            var fam = family ?? (Headings.IsChapter99(d.Number) ? "unknown" : Layer.BaseFamily);
            var flag2 = d.Amount > Threshold ? FlagKind.NotDue : (FlagKind?)null;
            rows.Add(new AuthorityRow(fam, family is null && fam == "unknown" ? "(heading no measure names)" : TitleOf(fam), null, null, null, 0m, d.Amount, d.Number,
                IsRefundable(fam), flag2, flag2 is null ? null : $"{Money(d.Amount)} declared under {d.Number}, which no measure charged on {line.Entry.Code} from {line.Entry.Origin} on {line.Entry.Date:yyyy-MM-dd}", null));
        }

        // 3. layers charged and not declared
        foreach (var layer in unmatched)
        {
            FlagKind? flag = layer.Amount > Threshold ? FlagKind.NotDeclared : null;
            rows.Add(Row(layer, 0m, null, IsRefundable(layer.Family), flag,
                flag is null ? null : $"{layer.Title} ({layer.Heading}, {layer.Rate}) owes {Money(layer.Amount)} and was not declared"));
        }
        // 4. a claim the line could have made (USMCA) and did not, when it would lower the duty
        if (line.Entry.Program is null && ClaimValue.ProgramFor(line.Entry.Origin) is { } program)
        {
            var claim = ClaimValue.Of(_engine, line.Entry, program);
            if (claim.Offered && claim.Saving > Threshold)
                rows.Add(new AuthorityRow("claim", $"{claim.Title} claim", null, null, null, 0m, 0m, null, false, FlagKind.MissedClaim,
                    $"{claim.Title} ({program}) not claimed: with it the duty would be {Money(claim.TotalWithClaim)} instead of {Money(claim.TotalWithoutClaim)}, if the goods qualify", null));
        }
        return new LineReplay(line, quote, rows.ToImmutableArray());
    }

    private AuthorityRow Row(Layer l, decimal declared, string? declaredAs, bool refundable, FlagKind? flag, string? reason) =>
        new(l.Family, l.IsBase ? TitleOf(l.Family) : l.FamilyTitle, l.MeasureId, l.Heading, l.Rate, l.Amount, declared, declaredAs, refundable, flag, reason, l.Source);

    private static string Money(decimal d) => FeeSchedule.Money(d);
    private static string Pct(decimal r) => FeeSchedule.Pct(r);
}
