using System.Collections.Frozen;
using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Engine.Panel;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

public sealed partial class TariffEngine
{
    /// <summary>
    /// The quote of a line that declares no entry facts (no programme, end use, metal share or US content share), as a
    /// formula of value and quantity: the same candidates, suspensions, shares and stacking as
    /// <see cref="Quote(EntryLine, QuoteDetail)"/>, stopped before anything reads the value. Null when the engine must
    /// answer every such line itself (a family that keeps its highest member where the members' shares differ, so
    /// the shares of later families would depend on the amounts). Throws <see cref="RatingException"/> as a quote
    /// does for an unknown code or a missing schedule.
    /// </summary>
    public PanelFormula? Plan(string importer, HtsCode code, string origin, DateOnly date) => Plan(importer, code, origin, date, null);

    /// <summary>As <see cref="Plan(string, HtsCode, string, DateOnly)"/>, sharing with other origins' plans of the same
    /// line and date (in <paramref name="scratch"/>) the schedule line and which measures' product scopes take it in.</summary>
    public PanelFormula? Plan(string importer, HtsCode code, string origin, DateOnly date, PlanScratch? scratch)
    {
        ResolvedLine line;
        if (scratch is null) line = ResolveLine(importer, code, date);
        else
        {
            if (!scratch.IsFor(importer, code, date))
            {
                scratch.Reset(importer, code, date, MeasureIndex.Count);
                try { scratch.Line = ResolveLine(importer, code, date); }
                catch (RatingException e) { scratch.Refusal = e; }
            }
            if (scratch.Refusal is not null) throw scratch.Refusal;
            line = scratch.Line!;
        }
        DutyExpression baseExpr;
        string baseColumn;
        if (_column2.TryGetValue(importer, out var c2) && c2.Contains(origin) && line.Other is not null)
            (baseExpr, baseColumn) = (line.Other, "Column 2");
        else if (line.General is null) return null; // the engine refuses the line, in its own words
        else (baseExpr, baseColumn) = (line.General, ResolvedLine.GeneralColumn);

        bool dependent = false;
        var candidates = new List<(CompiledMeasure Cm, DutyExpression Rate, string? Heading)>();
        foreach (var cm in ForOrigin(importer, origin))
        {
            var period = cm.Measure.RateOn(date);
            if (period is null || !cm.CoversOrigin(origin, date)) continue;
            var reach = scratch is null ? Reach(cm, code, line, date, origin) : scratch.Reach(this, cm, code, line, date, origin);
            if (reach == Reaching.NeedsUse) dependent = true;
            if (reach != Reaching.Yes) continue;
            var rate = period.Rate;
            bool full = false;
            foreach (var s in cm.Suspensions)
            {
                if (!s.Validity.Contains(date)) continue;
                if (s.IsFull) { full = true; break; }
                if (rate is AdValoremDuty av) rate = new AdValoremDuty(Math.Max(0m, av.Rate - s.Points!.Value));
            }
            if (full) continue;
            candidates.Add((cm, rate, period.Heading ?? cm.Measure.Source.Heading));
        }

        var terms = ImmutableArray.CreateBuilder<PanelTerm>(candidates.Count);
        Span<decimal> familyShare = stackalloc decimal[_familyOrder.Length];
        int groups = 0;
        for (int start = 0; start < candidates.Count;)
        {
            int rank = candidates[start].Cm.FamilyRank, end = start;
            while (end < candidates.Count && candidates[end].Cm.FamilyRank == rank) end++;
            var fam = Policy.Families[_familyOrder[rank]];
            int first = terms.Count;
            for (int k = start; k < end; k++)
            {
                var (cm, rate, heading) = candidates[k];
                var m = cm.Measure;
                if (m.Share == ValueShare.Metal) dependent = true;
                decimal covered = 0m;
                foreach (var y in cm.YieldRanks) covered += familyShare[y];
                var share = Math.Max(0m, 1m - Math.Min(1m, covered));
                if (share == 0m) continue;
                terms.Add(new PanelTerm(m.Id, m.Family, fam.Order, heading, rate, share, m.Kind == MeasureKind.Floor, -1));
            }
            decimal famShare = 0m;
            if (fam.Combine == CombineRule.Highest && terms.Count - first > 1)
            {
                // the share this family covers must not hang on which member wins
                for (int k = first + 1; k < terms.Count; k++) if (terms[k].Share != terms[first].Share) return null;
                for (int k = first; k < terms.Count; k++) terms[k] = terms[k] with { HighestGroup = groups };
                groups++;
            }
            for (int k = first; k < terms.Count; k++) famShare = Math.Max(famShare, terms[k].Share);
            familyShare[rank] = famShare;
            start = end;
        }
        return new PanelFormula(baseExpr, baseColumn, line.BaseSource.Heading, terms.ToImmutable(), dependent);
    }

    /// <summary>
    /// What tells origins apart for <see cref="Plan"/> on a date: the rules in force (<see cref="RulesInForce"/>) and
    /// the product exclusions that hold for some origins only.
    /// </summary>
    public string OriginKey(string importer, string origin, DateOnly date)
    {
        var key = RulesInForce(importer, origin, date);
        var terms = _originTerms.GetOrAdd(importer, i => (_byImporter.GetValueOrDefault(i) ?? []).OrderBy(cm => cm.Measure.Id, StringComparer.Ordinal)
            .SelectMany(cm => ExcludeTerms(cm).Where(t => !t.Origins.IsDefaultOrEmpty)
                .Select((t, n) => (Id: $"{cm.Measure.Id}#{n}", Origins: ExpandOrigins(t.Origins, Policy).ToHashSet())))
            .ToArray());
        foreach (var (id, origins) in terms)
            if (origins.Contains(origin)) key += "|x" + id;
        return key;
    }

    internal enum Reaching : byte { Unknown, Yes, No, NeedsUse, Excluded }

    /// <summary>Whether the measure's product scope takes the line in for the origin (the engine's test, in order).</summary>
    internal static Reaching Reach(CompiledMeasure cm, HtsCode code, ResolvedLine line, DateOnly date, string? origin)
    {
        if (!cm.Scope.Includes(code, line, date))
            return cm.Scope.NeedsUse(code, line, date) is not null ? Reaching.NeedsUse : Reaching.No;
        return cm.Scope.ExcludedBy(code, line, date, origin) is not null ? Reaching.Excluded : Reaching.Yes;
    }

    private FrozenDictionary<CompiledMeasure, int>? _measureIndex;
    internal FrozenDictionary<CompiledMeasure, int> MeasureIndex => _measureIndex ??=
        _byImporter.Values.SelectMany(x => x).Select((cm, i) => (cm, i)).ToFrozenDictionary(x => x.cm, x => x.i);

    private FrozenSet<CompiledMeasure>? _originExclusions;
    /// <summary>Measures with product exclusions for some origins only: their reach is not shared between origins.</summary>
    internal bool ExcludesByOrigin(CompiledMeasure cm) => (_originExclusions ??= _byImporter.Values.SelectMany(x => x)
        .Where(c => ExcludeTerms(c).Any(t => !t.Origins.IsDefaultOrEmpty)).ToFrozenSet()).Contains(cm);

    private IEnumerable<ProductTerm> ExcludeTerms(CompiledMeasure cm)
    {
        var fam = Policy.Families[cm.Measure.Family];
        return cm.Measure.Products.Exclude.Concat(fam.ExceptProducts);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Id, HashSet<string> Origins)[]> _originTerms = new();

    /// <summary>The schedules the engine reads, by importer.</summary>
    public IReadOnlyDictionary<string, Schedule> Schedules => _schedules;
}

/// <summary>What plans of one line on one date share across origins: the schedule line (or the refusal) and each
/// measure's reach. Not thread-safe: one per worker.</summary>
public sealed class PlanScratch
{
    private string? _importer;
    private string? _code;
    private DateOnly _date;
    private TariffEngine.Reaching[] _reach = [];
    internal ResolvedLine? Line;
    internal RatingException? Refusal;

    internal bool IsFor(string importer, HtsCode code, DateOnly date) => _date == date && _code == code.Digits && _importer == importer;

    internal void Reset(string importer, HtsCode code, DateOnly date, int measures)
    {
        (_importer, _code, _date, Line, Refusal) = (importer, code.Digits, date, null, null);
        if (_reach.Length < measures) _reach = new TariffEngine.Reaching[measures];
        else Array.Clear(_reach);
    }

    internal TariffEngine.Reaching Reach(TariffEngine engine, CompiledMeasure cm, HtsCode code, ResolvedLine line, DateOnly date, string origin)
    {
        ref var r = ref _reach[engine.MeasureIndex[cm]];
        if (r == TariffEngine.Reaching.Unknown) r = TariffEngine.Reach(cm, code, line, date, null);
        // exclusions for some origins only are tested per origin, on the lines the scope takes in
        if (r == TariffEngine.Reaching.Yes && engine.ExcludesByOrigin(cm) && cm.Scope.ExcludedBy(code, line, date, origin) is not null)
            return TariffEngine.Reaching.Excluded;
        return r;
    }
}
