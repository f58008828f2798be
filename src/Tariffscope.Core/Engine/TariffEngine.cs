using System.Collections.Frozen;
using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

/// <summary>
/// Answers "what duty is owed on this line, entered on this date, and why" for one policy set (the actual timeline
/// or a scenario). Everything slow happens here in the constructor: lists, scopes and stacking order are compiled
/// once, so a quote costs a handful of lookups.
/// </summary>
public sealed partial class TariffEngine
{
    private readonly IReadOnlyDictionary<string, Schedule> _schedules;
    private readonly FrozenDictionary<string, CompiledMeasure[]> _byImporter;
    // Measures that can ever reach an origin, per importer and origin: filled on first use, so a quote looks at the
    // handful of measures that concern its origin rather than every measure of the importer.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Importer, string Origin), CompiledMeasure[]> _byOrigin = new();
    private readonly FrozenDictionary<string, FrozenSet<string>> _column2;
    private readonly string[] _familyOrder;
    private readonly FrozenDictionary<string, CompiledMeasure> _byId;

    public PolicySet Policy { get; }
    public string ScheduleDescription { get; }

    public TariffEngine(IReadOnlyDictionary<string, Schedule> schedules, PolicySet policy, string scheduleDescription)
    {
        _schedules = schedules;
        Policy = policy;
        ScheduleDescription = scheduleDescription;
        var lists = policy.Lists.ToDictionary(kv => kv.Key, kv => new CompiledList(kv.Value));
        var suspensions = policy.Suspensions.GroupBy(s => s.MeasureId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Validity.From).ToArray());
        _byImporter = policy.Measures
            .Select(m => new CompiledMeasure(m, policy, lists, suspensions.GetValueOrDefault(m.Id) ?? []))
            .GroupBy(c => c.Measure.Importer)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _column2 = policy.Column2Origins.ToFrozenDictionary(kv => kv.Key, kv => ExpandOrigins(kv.Value, policy).ToFrozenSet());
        _byId = _byImporter.Values.SelectMany(x => x).ToFrozenDictionary(x => x.Measure.Id);
        _familyOrder = StackingOrder(policy);
        var rank = _familyOrder.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        foreach (var group in _byImporter.Values)
            foreach (var cm in group) cm.Bind(rank);
    }

    /// <summary>
    /// Which lines from which origins a measure reaches on a date: its origin and product scope (exclusions applied),
    /// before suspensions and stacking. For "which trade does this event touch" questions, which ask it of every
    /// traded line: the product test is made once per code (an origin is asked again only where an exclusion names
    /// some origins). Not thread-safe: one per caller.
    /// </summary>
    public MeasureReach ReachOf(string measureId, DateOnly date) => new(this, _byId.GetValueOrDefault(measureId), date);

    /// <summary>
    /// The rules that can charge goods of <paramref name="origin"/> on <paramref name="date"/>, as a key: the measures
    /// in force for the origin with a rate on that day and not suspended in full, the partial suspensions on them,
    /// and whether the origin pays column 2. Two origins with the same key on a date get the same duty on every line
    /// (the quote reads the origin only through these), so their ratings can be shared.
    /// </summary>
    public string RulesInForce(string importer, string origin, DateOnly date)
    {
        var key = new System.Text.StringBuilder(_column2.TryGetValue(importer, out var c2) && c2.Contains(origin) ? "c2" : "c1");
        foreach (var cm in ForOrigin(importer, origin))
        {
            if (cm.Measure.RateOn(date) is null || !cm.CoversOrigin(origin, date)) continue;
            var active = cm.Suspensions.Where(s => s.Validity.Contains(date)).ToList();
            if (active.Any(s => s.IsFull)) continue;
            key.Append(';').Append(cm.Measure.Id);
            foreach (var s in active) key.Append('-').Append(s.Id);
        }
        return key.ToString();
    }

    private CompiledMeasure[] ForOrigin(string importer, string origin) =>
        _byOrigin.GetOrAdd((importer, origin), key =>
            (_byImporter.GetValueOrDefault(key.Importer) ?? []).Where(cm => cm.MayCoverOrigin(key.Origin))
                // by id within a family: the rules-in-force key and the pick among equal amounts do not hang on the
                // order the policy's measures happened to be loaded in
                .OrderBy(cm => cm.FamilyRank).ThenBy(cm => cm.Measure.Id, StringComparer.Ordinal).ToArray());

    /// <summary>Families ordered so that every family comes after those it yields to.</summary>
    private static string[] StackingOrder(PolicySet policy)
    {
        var order = new List<string>();
        var state = new Dictionary<string, int>();
        void Visit(string f, Stack<string> path)
        {
            if (state.GetValueOrDefault(f) == 2) return;
            if (state.GetValueOrDefault(f) == 1)
                throw new InvalidOperationException($"stacking rules loop: {string.Join(" yields to ", path.Reverse().Append(f))}");
            state[f] = 1; path.Push(f);
            var yields = policy.Families[f].YieldsTo.Concat(policy.Measures.Where(m => m.Family == f).SelectMany(m => m.YieldsTo));
            // in name order: families that do not yield to one another then stack the same way in every process
            foreach (var y in YieldTargets(policy, yields).Distinct().Order(StringComparer.Ordinal)) Visit(y, path);
            path.Pop(); state[f] = 2; order.Add(f);
        }
        foreach (var f in policy.Families.Keys.Order(StringComparer.Ordinal)) Visit(f, new Stack<string>());
        return order.ToArray();
    }

    /// <summary>Expands "s232-*" style names to the families they name.</summary>
    internal static IEnumerable<string> YieldTargets(PolicySet policy, IEnumerable<string> names) =>
        names.SelectMany(n => n.EndsWith('*')
            ? policy.Families.Keys.Where(k => k.StartsWith(n[..^1], StringComparison.Ordinal))
            : policy.Families.ContainsKey(n) ? [n] : []);

    internal static IEnumerable<string> ExpandOrigins(IEnumerable<string> names, PolicySet policy) =>
        names.SelectMany(n => OriginTerms.IsGroup(n, out var name)
            ? policy.Groups.TryGetValue(name, out var g) ? g.Members.AsEnumerable()
                : throw new InvalidOperationException($"unknown country group '{name}'")
            : [n]);

    /// <summary>The schedule revision that answers for an importer on a date, or a clear refusal.</summary>
    public ResolvedLine ResolveLine(string importer, HtsCode code, DateOnly date)
    {
        if (!_schedules.TryGetValue(importer, out var schedule))
            throw new RatingException(RatingProblem.NoSchedule, "importer", $"no tariff schedule is loaded for importer {importer}");
        var revision = schedule.On(date)
            ?? throw new RatingException(RatingProblem.NoSchedule, "date", $"no {importer} schedule revision is in force on {date:yyyy-MM-dd} (the first starts {schedule.Revisions[0].EffectiveDate:yyyy-MM-dd})");
        return revision.Resolve(code)
            ?? throw new RatingException(RatingProblem.UnknownCode, "code",
                _missing.GetOrAdd((revision, code.Digits), _ => MissingCode.Explain(revision, code).Message()));
    }

    /// <summary>The line as <see cref="ResolveLine"/> finds it, or null where that would refuse (no exception: callers
    /// that test many codes the schedule may lack).</summary>
    internal ResolvedLine? TryResolveLine(string importer, HtsCode code, DateOnly date) =>
        _schedules.TryGetValue(importer, out var schedule) ? schedule.On(date)?.Resolve(code) : null;

    // Why a code is missing, and its successors, once per revision and code: a batch or a coverage count may ask
    // about the same retired code on many lines, and each answer scans the revision.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(ScheduleRevision, string), string> _missing = new();

    public Quote Quote(EntryLine entry) => Quote(entry, QuoteDetail.Full);

    /// <summary>
    /// The claims a quote's line could make on the measures charged on it that are limited to listed products (a
    /// Section 301 exclusion names a product narrower than the line): one programme or heading per claim, in
    /// layer order, none when the quote already makes a claim. For indicators that give such lines as a range.
    /// </summary>
    public IReadOnlyList<string> ListedClaims(Quote q)
    {
        if (q.Entry.Program is not null) return [];
        List<string>? found = null;
        ResolvedLine? line = null;
        foreach (var l in q.Layers)
        {
            if (l.IsBase || !_byId.TryGetValue(l.MeasureId, out var cm)) continue;
            foreach (var (claim, list) in cm.Claims)
            {
                if (list is null || claim.Effect != ClaimEffect.Exempt || !claim.When.Contains(q.Entry.Date)) continue;
                line ??= ResolveLine(q.Entry.Importer, q.Entry.Code, q.Entry.Date);
                if (list.ContainsOrUnder(q.Entry.Code, line, q.Entry.Date) && !(found?.Contains(claim.Programs[0]) ?? false)) (found ??= []).Add(claim.Programs[0]);
            }
        }
        return found ?? [];
    }

    /// <summary>The quote of <paramref name="entry"/>; with <see cref="QuoteDetail.Amounts"/>, the same layers and
    /// amounts without the words (no notes, no omitted layers), for callers that rate millions of lines.</summary>
    public Quote Quote(EntryLine entry, QuoteDetail detail)
    {
        bool explain = detail == QuoteDetail.Full;
        if (EntryChecks.Value(entry.CustomsValue) is { } badValue) throw new RatingException(RatingProblem.BadInput, "value", badValue);
        foreach (var q in entry.Quantities)
            if (EntryChecks.Quantity(q.Amount) is { } badQuantity) throw new RatingException(RatingProblem.BadInput, "quantity", badQuantity);
        if (EntryChecks.Share(entry.MetalShare, "the metal share") is { } badMetal) throw new RatingException(RatingProblem.BadInput, "metal_share", badMetal);
        if (EntryChecks.Share(entry.UsContentShare, "the US content share") is { } badContent) throw new RatingException(RatingProblem.BadInput, "us_content_share", badContent);
        var line = ResolveLine(entry.Importer, entry.Code, entry.Date);
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (_schedules[entry.Importer].NotHeldOn(entry.Date) is { } unheld)
            warnings.Add($"the schedule in force on {entry.Date:yyyy-MM-dd} is {unheld.Name} (from {unheld.EffectiveDate:yyyy-MM-dd}), which the data does not hold: " +
                         $"the base rate is read from {line.Revision.Name}; import the later revision (`tariffscope data update`) to be sure");
        if (entry.Date > Policy.Horizon)
            warnings.Add($"{entry.Date:yyyy-MM-dd} is past the policy data's horizon ({Policy.Horizon:yyyy-MM-dd}): later changes are not known");

        var (baseExpr, baseColumn, baseSource) = BaseRate(entry, line, warnings);
        var basis = entry.Basis;
        var baseOutcome = baseExpr.Evaluate(basis);
        // A specific or compound base without the quantity (or part value) it needs: the ad valorem layers do not
        // read the base, so they are still charged; the base holds the parts that could be computed and says what
        // it needs. Only a floor, which tops the base up, cannot be priced without it.
        string? baseProblem = null;
        if (!baseOutcome.IsComplete)
        {
            if (!baseExpr.IsParsed)
                throw new RatingException(RatingProblem.UnreadableRate, "code", $"{baseColumn} rate {baseExpr} on {entry.Code}: {baseOutcome.Problem}");
            baseProblem = BaseProblem(baseColumn, baseExpr, entry.Code, baseOutcome.Problem);
            if (explain) warnings.Add($"the base rate needs a quantity ({baseOutcome.Problem}): the base duty holds only the parts that could be computed, so the total is a lower bound");
        }
        decimal baseAve = entry.CustomsValue == 0 ? 0 : baseOutcome.Amount / entry.CustomsValue;

        // 1. candidates: in force, on this origin and product, not excluded or suspended in full.
        var omitted = explain ? ImmutableArray.CreateBuilder<OmittedLayer>() : null;
        var candidates = new List<Candidate>();
        foreach (var cm in ForOrigin(entry.Importer, entry.Origin))
        {
            var period = cm.Measure.RateOn(entry.Date);
            if (period is null || !cm.CoversOrigin(entry.Origin, entry.Date)) continue;
            if (cm.HasSampleLists)
                foreach (var l in cm.Scope.SamplesOn(entry.Date))
                    warnings.Add(cm.Text(l, () => $"{cm.Measure.Title} rests on a sample of {l.Title} (list '{l.Name}'), not the official list: " +
                                                  "a code outside the sample may be covered too"));
            if (!cm.Scope.Includes(entry.Code, line, entry.Date, entry.Uses))
            {
                if (omitted is not null && cm.Scope.NeedsUse(entry.Code, line, entry.Date) is { } cond)
                    omitted.Add(new(cm.Measure.Id, cm.Measure.Title, cm.Measure.Family, period.Heading ?? cm.Measure.Source.Heading,
                        cm.Text(cond, () => $"not charged: it reaches this line only for goods declared for use as {cond.Use} (list {cond.ListName ?? cond.Prefix}); declare that use where it holds"),
                        cm.Measure.Source));
                continue;
            }
            var m = cm.Measure;
            var heading = period.Heading ?? m.Source.Heading;
            // What the record does not confirm: a measure or a suspension of it past its last confirmed day.
            if (m.ConfirmedThrough is { } mc && entry.Date > mc)
                warnings.Add(cm.Text(("confirmed", m.Id), () => NotConfirmed(m.Title, mc, null)));
            // A suspension in force past its last confirmed day, or one that ended on a stated day the record does not
            // see past (a truce's end): what applies now is not known. Ends the record saw followed are not flagged.
            foreach (var s in cm.Suspensions)
                if (s.ConfirmedThrough is { } sc && entry.Date > sc && s.Validity.From <= entry.Date
                    && (s.Validity.Through is not { } st || st >= sc))
                    warnings.Add(cm.Text(("confirmed", s.Id), () => NotConfirmed(s.Title ?? s.Id, sc,
                        s.Validity.Through is { } end && end < entry.Date
                            ? $"it ended on {end:yyyy-MM-dd} as stated; whether it was extended, renewed or replaced is not known"
                            : "whether it is still in force is not known")));
            if (cm.Scope.ExcludedBy(entry.Code, line, entry.Date, entry.Origin) is { } ex)
            {
                omitted?.Add(new(m.Id, m.Title, m.Family, heading, cm.Text(ex, () =>
                {
                    var listSource = ex.ListName is not null && Policy.Lists.TryGetValue(ex.ListName, out var pl) ? $" ({pl.Title}; {pl.Source})" : "";
                    return $"product excluded: {ex}{listSource}";
                }), m.Source));
                continue;
            }
            if (entry.Program is { } prog && m.ExemptPrograms.Contains(prog, StringComparer.OrdinalIgnoreCase))
            {
                omitted?.Add(new(m.Id, m.Title, m.Family, heading, $"exempt when special programme {prog} is claimed", m.Source));
                continue;
            }
            var rate = period.Rate;
            var notes = explain ? new List<string>(2) : null;
            if (period.Note is not null) notes?.Add(period.Note);
            // claims on the measure's exceptions: the one the entry makes applies; the others available on the line
            // are listed, with what they cover, for the importer to judge
            decimal claimShare = 1m;
            bool claimedExempt = false;
            foreach (var (claim, list) in cm.Claims)
            {
                if (!claim.When.Contains(entry.Date)) continue;
                if (list is not null && !list.ContainsOrUnder(entry.Code, line, entry.Date)) continue;
                bool claimed = entry.Program is { } p && claim.Names(p);
                if (claimed && claim.Effect == ClaimEffect.Exempt)
                {
                    omitted?.Add(new(m.Id, m.Title, m.Family, claim.Heading ?? heading, cm.Text((claim, entry.Program, entry.Code.Digits), () =>
                        $"not charged: {entry.Program} is claimed" + ClaimText(claim, list, entry.Code)), claim.Source));
                    claimedExempt = true;
                    break;
                }
                if (claimed)
                {
                    heading = claim.Heading ?? heading;
                    claimShare = 1m - (entry.UsContentShare ?? 0m);
                    notes?.Add(entry.UsContentShare is null
                        ? $"{entry.Program} is claimed: charged on the non-US content, but no US content share is declared, so the full value is used"
                        : $"{entry.Program} is claimed: charged on the non-US content ({Pct(claimShare)} of value)" + (claim.Note is null ? "" : $"; {claim.Note}"));
                    continue;
                }
                if (explain && list is not null)
                    notes!.Add(cm.Text((claim, entry.Code.Digits), () =>
                        $"may not apply: claim {string.Join(" or ", claim.Programs)}" + (claim.When.Through is { } t ? $" (through {t:yyyy-MM-dd})" : "")
                        + " if the goods are" + ClaimText(claim, list, entry.Code)));
            }
            if (claimedExempt) continue;
            bool suspendedInFull = false;
            foreach (var s in cm.Suspensions)
            {
                if (!s.Validity.Contains(entry.Date)) continue;
                if (s.IsFull)
                {
                    omitted?.Add(new(m.Id, m.Title, m.Family, heading,
                        cm.Text(s, () => $"suspended in full by {s.Title ?? s.Id} through {s.Validity.Through:yyyy-MM-dd} ({s.Source})"), s.Source));
                    suspendedInFull = true;
                    break;
                }
                if (rate is AdValoremDuty av)
                {
                    var left = Math.Max(0m, av.Rate - s.Points!.Value);
                    notes?.Add(cm.Text((s, av.Rate), () => $"{s.Points.Value * 100m:0.##} of {av.Rate * 100m:0.##} points suspended " +
                              (s.Validity.Through is { } t ? $"through {t:yyyy-MM-dd}" : "until further notice") + $" ({s.Title ?? s.Id})"));
                    rate = new AdValoremDuty(left);
                }
            }
            if (suspendedInFull) continue;
            candidates.Add(new Candidate(cm, rate, heading, notes, claimShare));
        }

        // 2. within "highest" families only the highest applies; 3. shares by the yield rules, in stacking order.
        // Candidates come in family-rank order (see ForOrigin), so each family is a run of neighbours.
        var applied = new List<Layer>(candidates.Count + 1);
        Span<decimal> familyShare = stackalloc decimal[_familyOrder.Length];
        var priced = new List<(Candidate C, decimal Share, decimal Amount, List<string>? Notes)>(4);
        for (int start = 0; start < candidates.Count;)
        {
            int rank = candidates[start].Measure.FamilyRank, end = start;
            while (end < candidates.Count && candidates[end].Measure.FamilyRank == rank) end++;
            var family = _familyOrder[rank];
            var fam = Policy.Families[family];
            priced.Clear();
            for (int k = start; k < end; k++)
            {
                var c = candidates[k];
                var m = c.Measure.Measure;
                var notes = c.Notes is null ? null : new List<string>(c.Notes);
                decimal own = c.ClaimShare;
                if (m.Share == ValueShare.Metal)
                {
                    own *= entry.MetalShare ?? 1m;
                    notes?.Add(entry.MetalShare is null
                        ? "charged on metal content; no metal share declared, so the full value is used"
                        : $"charged on the metal content ({Pct(own)} of value)");
                }
                decimal covered = 0m;
                List<string>? coveredBy = null;
                foreach (var y in c.Measure.YieldRanks)
                    if (familyShare[y] > 0)
                    {
                        covered += familyShare[y];
                        if (explain) (coveredBy ??= []).Add(Policy.Families[_familyOrder[y]].Title);
                    }
                covered = Math.Min(1m, covered);
                var share = Math.Max(0m, own - covered);
                if (share == 0m)
                {
                    omitted?.Add(new(m.Id, m.Title, m.Family, c.Heading, coveredBy is null
                        ? "not charged: the declared metal content is nil"
                        : $"not charged: {string.Join(" and ", coveredBy)} already cover{(coveredBy.Count == 1 ? "s" : "")} the value it would apply to", m.Source));
                    continue;
                }
                if (covered > 0) notes?.Add($"charged on {Pct(share)} of value: {string.Join(" and ", coveredBy!)} cover{(coveredBy!.Count == 1 ? "s" : "")} the rest");
                decimal amount;
                if (m.Kind == MeasureKind.Floor)
                {
                    if (baseProblem is not null) throw FloorNeedsBase(m.Title, baseProblem);
                    var floor = ((AdValoremDuty)c.Rate).Rate;
                    var topUp = Math.Max(0m, floor - baseAve);
                    amount = topUp * entry.CustomsValue * share;
                    notes?.Add(topUp == 0
                        ? $"base rate {Pct(baseAve)} already reaches {Pct(floor)}: nothing added"
                        : $"tops the base rate {Pct(baseAve)} up to {Pct(floor)} (adds {Pct(topUp)})");
                }
                else
                {
                    var scaled = share == 1m ? basis : Scale(entry, share);
                    var o = c.Rate.Evaluate(scaled);
                    if (!o.IsComplete) throw MissingQuantity(m.Title, c.Rate, o.Problem);
                    amount = o.Amount;
                }
                priced.Add((c, share, amount, notes));
            }
            if (fam.Combine == CombineRule.Highest && priced.Count > 1)
            {
                var best = priced[0];
                foreach (var p in priced) if (p.Amount > best.Amount) best = p;
                foreach (var p in priced)
                    if (!ReferenceEquals(p.C, best.C))
                        omitted?.Add(new(p.C.Measure.Measure.Id, p.C.Measure.Measure.Title, family, p.C.Heading,
                            $"not charged: {best.C.Measure.Measure.Title} ({best.C.Heading}) is higher and only the highest of {fam.Title} applies", p.C.Measure.Measure.Source));
                priced.Clear();
                priced.Add(best);
            }
            decimal famShare = 0;
            foreach (var p in priced)
            {
                var m = p.C.Measure.Measure;
                var rateText = m.Kind == MeasureKind.Floor ? p.C.Measure.Text(p.C.Rate, () => $"floor {p.C.Rate} incl. base") : p.C.Rate.ToString();
                applied.Add(new Layer(m.Id, m.Title, m.Family, fam.Title, p.C.Heading, rateText, p.Share, Cents(p.Amount),
                    p.C.Measure.SourceFor(p.C.Heading), fam.Order, p.Notes is null ? [] : [.. p.Notes]));
                famShare = Math.Max(famShare, p.Share);
                if (m.Source.Confidence != Confidence.High) warnings.Add(p.C.Measure.ConfidenceWarning!);
            }
            familyShare[rank] = famShare;
            start = end;
        }

        applied.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.MeasureId, b.MeasureId));
        var baseLayer = new Layer("base", line.BaseTitle(baseColumn), Layer.BaseFamily, "Chapters 1–97",
            baseSource.Heading, baseExpr.ToString(), 1m, Cents(baseOutcome.Amount), baseSource, int.MaxValue,
            baseProblem is null || !explain ? [] : [$"needs a quantity: {baseOutcome.Problem}; only the parts that could be computed are counted"]);
        applied.Add(baseLayer);
        return new Quote(entry, Policy.Name, line.Revision.Label,
            line.Line.Description, applied.ToImmutableArray(), omitted?.ToImmutable() ?? [],
            warnings.Count == 0 ? [] : warnings.Distinct().ToImmutableArray()) { BaseProblem = baseProblem };
    }

    // One wording for the refusals of a line short of a quantity, whether the quote or a compiled formula finds it.
    private static string BaseProblem(string column, DutyExpression rate, HtsCode code, string? problem) => $"{column} rate {rate} on {code}: {problem}";
    private static RatingException FloorNeedsBase(string title, string baseProblem) =>
        new(RatingProblem.MissingQuantity, "quantity", $"{title} tops the base rate up, which needs the whole base: {baseProblem}");
    private static RatingException MissingQuantity(string title, DutyExpression rate, string? problem) =>
        new(RatingProblem.MissingQuantity, "quantity", $"{title} ({rate}): {problem}");

    /// <summary>The refusal a quote of <paramref name="code"/> gives where its formula falls short of a quantity
    /// (<see cref="Panel.PanelFormula.ShortfallOf"/>), without resolving the line again.</summary>
    public RatingException Refusal(Panel.PanelFormula formula, Panel.PanelFormula.Shortfall shortfall, HtsCode code)
    {
        var title = _byId[shortfall.Term.MeasureId].Measure.Title;
        return shortfall.Term.IsFloor
            ? FloorNeedsBase(title, BaseProblem(formula.BaseColumn, formula.Base, code, shortfall.Problem))
            : MissingQuantity(title, shortfall.Term.Rate, shortfall.Problem);
    }

    /// <summary>The base duty: column 2 for the origins that pay it, a special programme's rate when claimed and
    /// available on the line, else the general (MFN) rate.</summary>
    private (DutyExpression Expr, string Column, Provenance Source) BaseRate(EntryLine entry, ResolvedLine line, ImmutableArray<string>.Builder warnings)
    {
        var src = line.BaseSource;
        if (_column2.TryGetValue(entry.Importer, out var c2) && c2.Contains(entry.Origin) && line.Other is not null)
            return (line.Other, "Column 2", src);
        // a Chapter 99 heading claimed (a Section 301 exclusion) is a claim on a measure, not a special programme
        if (entry.Program is { Length: > 0 } prog && !prog.StartsWith("99", StringComparison.Ordinal))
        {
            foreach (var sr in line.Special)
                if (sr.Offers(prog))
                    return (sr.Rate, $"Special ({prog})", src);
            warnings.Add($"special programme {prog} is not available on {line.RateLine.Code}; the general rate applies");
        }
        if (line.General is null)
            throw new RatingException(RatingProblem.UnreadableRate, "code", $"{line.Line.Code} has no general rate in {line.Revision.Name}");
        return (line.General, ResolvedLine.GeneralColumn, src);
    }

    /// <summary>The warning for a rule used past the last day the record confirms it.</summary>
    public static string NotConfirmed(string what, DateOnly through, string? why) =>
        $"{what}: not confirmed after {through:yyyy-MM-dd}" + (string.IsNullOrWhiteSpace(why) ? "" : $" ({why})");

    private static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A fraction as a percentage with up to four decimals: 0.0315 -> "3.15%".</summary>
    public static string Pct(decimal fraction)
    {
        if (PctTexts.TryGetValue(fraction, out var text)) return text;
        text = (fraction * 100m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";
        if (PctTextCount < 4096 && PctTexts.TryAdd(fraction, text)) Interlocked.Increment(ref PctTextCount);
        return text;
    }

    // a few dozen rates and shares recur in every explanation: format each once (bounded, since the base rate's ad
    // valorem equivalent can take any value)
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<decimal, string> PctTexts = new();
    private static int PctTextCount;

    private static DutyBasis Scale(EntryLine entry, decimal share)
    {
        var q = new Quantity[entry.Quantities.Length];
        for (int i = 0; i < q.Length; i++) q[i] = entry.Quantities[i] with { Amount = entry.Quantities[i].Amount * share };
        return new DutyBasis(entry.CustomsValue * share, q);
    }

    /// <summary>": the text of the entries the claim's list has for the line" (or its note), for explanations.</summary>
    private static string ClaimText(ProgramClaim claim, CompiledList? list, HtsCode code)
    {
        var texts = list?.NotesFor(code) ?? [];
        if (texts.Count > 0) return ": " + string.Join(" | ", texts);
        return claim.Note is null ? "" : $" ({claim.Note})";
    }

    private sealed record Candidate(CompiledMeasure Measure, DutyExpression Rate, string? Heading, List<string>? Notes, decimal ClaimShare);
}

/// <summary>A measure with its origins expanded, scope compiled and suspensions attached.</summary>
internal sealed class CompiledMeasure
{
    private readonly FrozenSet<string> _origins;
    private readonly FrozenDictionary<string, Validity?[]> _except;
    private readonly bool _all;

    public Measure Measure { get; }
    public CompiledScope Scope { get; }
    public Suspension[] Suspensions { get; }
    public string[] YieldsTo { get; }
    public (ProgramClaim Claim, CompiledList? List)[] Claims { get; }

    public CompiledMeasure(Measure m, PolicySet policy, IReadOnlyDictionary<string, CompiledList> lists, Suspension[] suspensions)
    {
        Measure = m;
        _all = m.Origins.Include.Contains(OriginScope.AllOrigins);
        _origins = TariffEngine.ExpandOrigins(m.Origins.Include.Where(o => o != OriginScope.AllOrigins), policy).ToFrozenSet();
        _except = m.Origins.Except
            .SelectMany(e => TariffEngine.ExpandOrigins([e.Origin], policy).Select(o => (o, e.When)))
            .GroupBy(x => x.o).ToFrozenDictionary(g => g.Key, g => g.Select(x => x.When).ToArray());
        if (!policy.Families.TryGetValue(m.Family, out var fam))
            throw new InvalidOperationException($"measure '{m.Id}' names family '{m.Family}', which is not defined");
        // the family's product exceptions hold for every member (Chapter 98 entries outside the IEEPA duties)
        var products = fam.ExceptProducts.IsEmpty ? m.Products : m.Products with { Exclude = m.Products.Exclude.AddRange(fam.ExceptProducts) };
        Scope = new CompiledScope(products, lists, $"measure '{m.Id}'", names => TariffEngine.ExpandOrigins(names, policy));
        HasSampleLists = products.Include.Concat(products.Exclude)
            .Any(t => t.ListName is not null && lists.TryGetValue(t.ListName, out var l) && l.List.IsSample);
        Claims = m.Claims.Select(c => (c, c.List is null ? null
            : lists.TryGetValue(c.List, out var l) ? l : throw new InvalidOperationException($"measure '{m.Id}' claims on product list '{c.List}', which is not loaded"))).ToArray();
        Suspensions = suspensions;
        YieldsTo = TariffEngine.YieldTargets(policy, fam.YieldsTo.Concat(m.YieldsTo)).Distinct().ToArray();
        if (m.Source.Confidence != Confidence.High)
            ConfidenceWarning = $"{m.Title} rests on a fact of {m.Source.Confidence.ToString().ToLowerInvariant()} confidence: {m.Source.Note ?? m.Source.Instrument}";
    }

    /// <summary>Whether the scope names a sample list, so that quotes must say they rest on one.</summary>
    public bool HasSampleLists { get; }
    public int FamilyRank { get; private set; }
    public int[] YieldRanks { get; private set; } = [];
    public string? ConfidenceWarning { get; }
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Provenance> _sourceByHeading = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, string> _texts = new();

    /// <summary>An explanation that depends only on <paramref name="key"/> (an exclusion term, a suspension, a
    /// suspension at a rate): written once, not on every quote.</summary>
    public string Text(object key, Func<string> write) =>
        _texts.TryGetValue(key, out var text) ? text : _texts.GetOrAdd(key, write());

    internal void Bind(IReadOnlyDictionary<string, int> rank)
    {
        FamilyRank = rank[Measure.Family];
        YieldRanks = YieldsTo.Select(y => rank[y]).ToArray();
    }

    /// <summary>The measure's source with the heading the rate period reports (cached: a handful per measure).</summary>
    public Provenance SourceFor(string? heading) =>
        heading is null || heading == Measure.Source.Heading ? Measure.Source
            : _sourceByHeading.GetOrAdd(heading, h => Measure.Source with { Heading = h });

    /// <summary>Whether the measure can reach goods of this origin on some day (dated exceptions aside).</summary>
    public bool MayCoverOrigin(string origin) =>
        (_all || _origins.Contains(origin)) && !(_except.TryGetValue(origin, out var spans) && spans.Any(w => w is null));

    public bool CoversOrigin(string origin, DateOnly date)
    {
        if (!_all && !_origins.Contains(origin)) return false;
        if (_except.TryGetValue(origin, out var spans))
            foreach (var w in spans) if (w is null || w.Value.Contains(date)) return false;
        return true;
    }
}
